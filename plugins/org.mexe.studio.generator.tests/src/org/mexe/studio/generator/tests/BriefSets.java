package org.mexe.studio.generator.tests;

/**
 * A parameter set with every parameter the brief lists, shared by the mapping, generation and peer
 * tests. Not {@code EveryConstruct}'s National set on purpose: that one covers the language's
 * variants (secrets from files, several values, omitted ports) for the formatter and the
 * round trips, while this one pins each parameter once, with secrets from the environment, to the
 * documents below.
 */
final class BriefSets {

    /** Every block, each parameter once; the secrets come from the environment. */
    static final String BRIEF = """
            namespace test.brief

            certificate OperatorRoot { file "root.pem" }

            parameters Brief {
            	gsm-csd {
            		number "+447700900100"
            		call-type v110
            		speed 9600
            		auth pap
            		user "csd"
            		password env "CSD_PASSWORD"
            	}
            	gprs {
            		apn "internet.brief.example"
            		auth chap
            		user "web"
            		password env "GPRS_PASSWORD"
            		dns "10.0.0.1", "10.0.0.2"
            		linger 300
            	}
            	wap {
            		gateway "10.10.0.9"
            		port 9201
            		service co-wsp
            		setup-url "http://setup.brief.example/"
            		homepage "http://wap.brief.example/"
            		bookmark "News" "http://wap.brief.example/news"
            	}
            	www {
            		proxy "proxy.brief.example"
            		port 8080
            		setup-url "http://www.brief.example/setup"
            		homepage "http://www.brief.example/"
            		bookmark "Search" "http://search.brief.example/"
            	}
            	mail {
            		smtp "smtp.brief.example" port 587 security starttls
            		pop3 "pop.brief.example" port 995 security ssl
            		imap "imap.brief.example" port 143 security none
            		from "user@brief.example"
            		user "mailuser"
            		password env "MAIL_PASSWORD"
            	}
            	ipv4 {
            		enabled yes
            		address "10.1.1.1"
            		dns "10.0.0.3"
            	}
            	ipv6 {
            		enabled yes
            		address "2001:db8::1"
            		dns "2001:db8::53"
            		six-to-four yes
            	}
            	public-keys OperatorRoot
            	default-classmark 3
            }
            """;

    /** What OMA CP makes of {@link #BRIEF} when each secret reads as "secret:" and its variable. */
    static final String BRIEF_OMA_CP = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE wap-provisioningdoc PUBLIC "-//WAPFORUM//DTD PROV 1.0//EN" "http://www.wapforum.org/DTD/prov.dtd">
            <wap-provisioningdoc version="1.0">
              <characteristic type="PXLOGICAL">
                <parm name="PROXY-ID" value="Brief-WAP"/>
                <parm name="NAME" value="Brief WAP"/>
                <parm name="STARTPAGE" value="http://wap.brief.example/"/>
                <characteristic type="PXPHYSICAL">
                  <parm name="PHYSICAL-PROXY-ID" value="Brief-WAP-PHYSICAL"/>
                  <parm name="PXADDR" value="10.10.0.9"/>
                  <parm name="PXADDRTYPE" value="IPV4"/>
                  <parm name="TO-NAPID" value="Brief-NAP"/>
                  <parm name="TO-NAPID" value="Brief-CSD"/>
                  <characteristic type="PORT">
                    <parm name="PORTNBR" value="9201"/>
                    <parm name="SERVICE" value="CO-WSP"/>
                  </characteristic>
                </characteristic>
              </characteristic>
              <characteristic type="PXLOGICAL">
                <parm name="PROXY-ID" value="Brief-PROXY"/>
                <parm name="NAME" value="Brief"/>
                <parm name="STARTPAGE" value="http://www.brief.example/"/>
                <characteristic type="PXPHYSICAL">
                  <parm name="PHYSICAL-PROXY-ID" value="Brief-PROXY-PHYSICAL"/>
                  <parm name="PXADDR-FQDN" value="proxy.brief.example"/>
                  <parm name="TO-NAPID" value="Brief-NAP"/>
                  <parm name="TO-NAPID" value="Brief-CSD"/>
                  <characteristic type="PORT">
                    <parm name="PORTNBR" value="8080"/>
                  </characteristic>
                </characteristic>
              </characteristic>
              <characteristic type="NAPDEF">
                <parm name="NAPID" value="Brief-NAP"/>
                <parm name="BEARER" value="GSM-GPRS"/>
                <parm name="NAME" value="Brief"/>
                <parm name="NAP-ADDRESS" value="internet.brief.example"/>
                <parm name="NAP-ADDRTYPE" value="APN"/>
                <parm name="DNS-ADDR" value="10.0.0.1"/>
                <parm name="DNS-ADDR" value="10.0.0.2"/>
                <parm name="DNS-ADDR" value="10.0.0.3"/>
                <parm name="DNS-ADDR" value="2001:db8::53"/>
                <parm name="LOCAL-ADDR" value="10.1.1.1"/>
                <parm name="LOCAL-ADDRTYPE" value="IPV4"/>
                <parm name="LINGER" value="300"/>
                <characteristic type="NAPAUTHINFO">
                  <parm name="AUTHTYPE" value="CHAP"/>
                  <parm name="AUTHNAME" value="web"/>
                  <parm name="AUTHSECRET" value="secret:GPRS_PASSWORD"/>
                </characteristic>
              </characteristic>
              <characteristic type="NAPDEF">
                <parm name="NAPID" value="Brief-CSD"/>
                <parm name="BEARER" value="GSM-CSD"/>
                <parm name="NAME" value="Brief CSD"/>
                <parm name="NAP-ADDRESS" value="+447700900100"/>
                <parm name="NAP-ADDRTYPE" value="E164"/>
                <parm name="DNS-ADDR" value="10.0.0.3"/>
                <parm name="DNS-ADDR" value="2001:db8::53"/>
                <parm name="CALLTYPE" value="V.110"/>
                <parm name="LOCAL-ADDR" value="10.1.1.1"/>
                <parm name="LOCAL-ADDRTYPE" value="IPV4"/>
                <parm name="LINKSPEED" value="9600"/>
                <characteristic type="NAPAUTHINFO">
                  <parm name="AUTHTYPE" value="PAP"/>
                  <parm name="AUTHNAME" value="csd"/>
                  <parm name="AUTHSECRET" value="secret:CSD_PASSWORD"/>
                </characteristic>
              </characteristic>
              <characteristic type="APPLICATION">
                <parm name="APPID" value="w2"/>
                <parm name="TO-PROXY" value="Brief-WAP"/>
                <parm name="NAME" value="Brief WAP"/>
                <characteristic type="RESOURCE">
                  <parm name="URI" value="http://wap.brief.example/"/>
                  <parm name="NAME" value="Brief WAP"/>
                  <parm name="STARTPAGE"/>
                </characteristic>
                <characteristic type="RESOURCE">
                  <parm name="URI" value="http://setup.brief.example/"/>
                  <parm name="NAME" value="Setup"/>
                </characteristic>
                <characteristic type="RESOURCE">
                  <parm name="URI" value="http://wap.brief.example/news"/>
                  <parm name="NAME" value="News"/>
                </characteristic>
              </characteristic>
              <characteristic type="APPLICATION">
                <parm name="APPID" value="w2"/>
                <parm name="TO-PROXY" value="Brief-PROXY"/>
                <parm name="NAME" value="Brief"/>
                <characteristic type="RESOURCE">
                  <parm name="URI" value="http://www.brief.example/"/>
                  <parm name="NAME" value="Brief"/>
                  <parm name="STARTPAGE"/>
                </characteristic>
                <characteristic type="RESOURCE">
                  <parm name="URI" value="http://www.brief.example/setup"/>
                  <parm name="NAME" value="Setup"/>
                </characteristic>
                <characteristic type="RESOURCE">
                  <parm name="URI" value="http://search.brief.example/"/>
                  <parm name="NAME" value="Search"/>
                </characteristic>
              </characteristic>
              <characteristic type="APPLICATION">
                <parm name="APPID" value="25"/>
                <parm name="PROVIDER-ID" value="Brief-MAIL"/>
                <parm name="NAME" value="Brief"/>
                <parm name="TO-NAPID" value="Brief-NAP"/>
                <parm name="FROM" value="user@brief.example"/>
                <characteristic type="APPADDR">
                  <parm name="ADDR" value="smtp.brief.example"/>
                  <characteristic type="PORT">
                    <parm name="PORTNBR" value="587"/>
                    <parm name="SERVICE" value="STARTTLS"/>
                  </characteristic>
                </characteristic>
                <characteristic type="APPAUTH">
                  <parm name="AAUTHNAME" value="mailuser"/>
                  <parm name="AAUTHSECRET" value="secret:MAIL_PASSWORD"/>
                </characteristic>
              </characteristic>
              <characteristic type="APPLICATION">
                <parm name="APPID" value="110"/>
                <parm name="PROVIDER-ID" value="Brief-MAIL"/>
                <parm name="NAME" value="Brief"/>
                <parm name="TO-NAPID" value="Brief-NAP"/>
                <characteristic type="APPADDR">
                  <parm name="ADDR" value="pop.brief.example"/>
                  <characteristic type="PORT">
                    <parm name="PORTNBR" value="995"/>
                    <parm name="SERVICE" value="995"/>
                  </characteristic>
                </characteristic>
                <characteristic type="APPAUTH">
                  <parm name="AAUTHNAME" value="mailuser"/>
                  <parm name="AAUTHSECRET" value="secret:MAIL_PASSWORD"/>
                </characteristic>
              </characteristic>
              <characteristic type="APPLICATION">
                <parm name="APPID" value="143"/>
                <parm name="PROVIDER-ID" value="Brief-MAIL"/>
                <parm name="NAME" value="Brief"/>
                <parm name="TO-NAPID" value="Brief-NAP"/>
                <characteristic type="APPADDR">
                  <parm name="ADDR" value="imap.brief.example"/>
                  <characteristic type="PORT">
                    <parm name="PORTNBR" value="143"/>
                    <parm name="SERVICE" value="143"/>
                  </characteristic>
                </characteristic>
                <characteristic type="APPAUTH">
                  <parm name="AAUTHNAME" value="mailuser"/>
                  <parm name="AAUTHSECRET" value="secret:MAIL_PASSWORD"/>
                </characteristic>
              </characteristic>
            </wap-provisioningdoc>
            """;

    /** {@link #BRIEF} without its certificate, for generation where no certificate file exists. */
    static final String BRIEF_WITHOUT_KEYS = BRIEF.replace("certificate OperatorRoot { file \"root.pem\" }\n\n", "")
            .replace("\tpublic-keys OperatorRoot\n", "");

    private BriefSets() {
    }
}
