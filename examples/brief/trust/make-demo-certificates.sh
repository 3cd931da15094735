#!/bin/sh
# Makes the DEMO-ONLY certificates that examples/brief trusts: roots of the two fictitious
# handset makers, the operator's root CA and code-signing certificate, a third-party CA and the
# wallet vendor's code-signing certificate. Valid from 2000 to 2099, so that the examples and
# their tests do not expire. The CA keys are made in a temporary folder and deleted, so nothing
# here can issue certificates; the two code-signing keys are kept (DEMO ONLY), so that the demo
# can sign the bootstrap application and the components it hosts. Needs keytool from a JDK.
#
#   examples/brief/trust/*.pem                                       certificates published as files
#   examples/demo-secrets/DEMO-ONLY-operator-certificates.p12         the operator's certificates, by alias,
#                                                                     and its code-signing key
#   examples/demo-secrets/DEMO-ONLY-wallet-keys.p12                   the wallet vendor's code-signing key
#   examples/demo-secrets/DEMO-ONLY-operator-certificates-password.txt  its password (demo material)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
secrets=$(cd "$here/../../demo-secrets" && pwd)
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

password_file="$secrets/DEMO-ONLY-operator-certificates-password.txt"
[ -f "$password_file" ] || printf 'demo-only-not-for-production\n' >"$password_file"
store_password=$(cat "$password_file")
keys="$work/keys.p12"     # every key pair, deleted on exit
kp=demo-only-keys

demo="(DEMO ONLY - NOT FOR PRODUCTION)"
since="2000/01/01 00:00:00"
days=36523                 # to the end of 2099

ca() { # alias, subject
  "$keytool" -genkeypair -keystore "$keys" -storetype PKCS12 -storepass "$kp" -alias "$1" -keyalg RSA -keysize 2048 \
    -sigalg SHA256withRSA -dname "$2" -startdate "$since" -validity "$days" \
    -ext bc:c=ca:true -ext ku:c=keyCertSign,cRLSign
}
signer() { # alias, subject, issuer alias
  "$keytool" -genkeypair -keystore "$keys" -storetype PKCS12 -storepass "$kp" -alias "$1" -keyalg RSA -keysize 2048 \
    -sigalg SHA256withRSA -dname "$2" -startdate "$since" -validity "$days"
  "$keytool" -certreq -keystore "$keys" -storepass "$kp" -alias "$1" -file "$work/$1.csr"
  "$keytool" -gencert -keystore "$keys" -storepass "$kp" -alias "$3" -infile "$work/$1.csr" -outfile "$work/$1.pem" -rfc \
    -sigalg SHA256withRSA -startdate "$since" -validity "$days" \
    -ext bc:c=ca:false -ext ku:c=digitalSignature -ext eku=codeSigning
}
export_pem() { # alias, file
  "$keytool" -exportcert -keystore "$keys" -storepass "$kp" -alias "$1" -rfc -file "$2"
}

ca kestrel-root "CN=Kestrel Handsets Root CA $demo,O=Kestrel Handsets (fictitious)"
ca aurora-root "CN=Aurora Devices Root CA $demo,O=Aurora Devices (fictitious)"
ca operator-root "CN=Fjord Mobile Root CA $demo,O=Fjord Mobile (fictitious)"
ca third-party-ca "CN=Third-Party Applications CA $demo,O=Fjord Mobile (fictitious)"
signer operator-code-signing "CN=Fjord Mobile Code Signing $demo,O=Fjord Mobile (fictitious)" operator-root
signer wallet-code-signing "CN=Polar Wallet Code Signing $demo,O=Polar Wallet (fictitious)" third-party-ca

export_pem kestrel-root "$here/kestrel-root.pem"
export_pem aurora-root "$here/aurora-root.pem"
export_pem third-party-ca "$here/third-party-ca.pem"
cp "$work/wallet-code-signing.pem" "$here/wallet-code-signing.pem"

export_pem operator-root "$work/operator-root.pem"
store="$secrets/DEMO-ONLY-operator-certificates.p12"
rm -f "$store"
"$keytool" -importcert -noprompt -keystore "$store" -storetype PKCS12 -storepass "$store_password" \
  -alias operator-root -file "$work/operator-root.pem"
# The code-signing keys with their chains (the CA's reply imported over the key pair), DEMO ONLY.
for alias in operator-code-signing wallet-code-signing; do
  "$keytool" -importcert -noprompt -keystore "$keys" -storepass "$kp" -alias "$alias" -file "$work/$alias.pem"
done
"$keytool" -importkeystore -noprompt -srckeystore "$keys" -srcstorepass "$kp" -srcalias operator-code-signing \
  -destkeystore "$store" -deststoretype PKCS12 -deststorepass "$store_password"
wallet_store="$secrets/DEMO-ONLY-wallet-keys.p12"
rm -f "$wallet_store"
"$keytool" -importkeystore -noprompt -srckeystore "$keys" -srcstorepass "$kp" -srcalias wallet-code-signing \
  -destkeystore "$wallet_store" -deststoretype PKCS12 -deststorepass "$store_password"
echo "Wrote the DEMO-ONLY certificates to $here and $store"
