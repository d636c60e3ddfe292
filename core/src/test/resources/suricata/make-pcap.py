from scapy.all import *
pkts=[]
cli="10.20.30.40"; dns="10.20.0.53"; t=1740900000.0
def add(p):
    global t
    p.time=t; t+=0.01; pkts.append(p)
names=[("c2.evil-example.vn","A","203.0.113.7"),("www.google.com","AAAA","2404:6800:4005:80a::2004"),("Cdn.Portal-Update.example.vn","A",None)]
sport=40000
for n,qt,ans in names:
    sport+=1
    q=IP(src=cli,dst=dns)/UDP(sport=sport,dport=53)/DNS(id=sport,rd=1,qd=DNSQR(qname=n,qtype=qt))
    add(q)
    if n.startswith("Cdn"):
        an=DNSRR(rrname=n,type="CNAME",rdata="edge.bad-cdn.example.net",ttl=60)/DNSRR(rrname="edge.bad-cdn.example.net",type="A",rdata="198.51.100.77",ttl=60)
    else:
        an=DNSRR(rrname=n,type=qt,rdata=ans,ttl=300)
    add(IP(src=dns,dst=cli)/UDP(sport=53,dport=sport)/DNS(id=sport,qr=1,rd=1,ra=1,qd=DNSQR(qname=n,qtype=qt),an=an))
def tcp_session(srv,dport,client_payload,server_payload,sport):
    seq=1000; sseq=5000
    add(IP(src=cli,dst=srv)/TCP(sport=sport,dport=dport,flags="S",seq=seq))
    add(IP(src=srv,dst=cli)/TCP(sport=dport,dport=sport,flags="SA",seq=sseq,ack=seq+1))
    add(IP(src=cli,dst=srv)/TCP(sport=sport,dport=dport,flags="A",seq=seq+1,ack=sseq+1))
    add(IP(src=cli,dst=srv)/TCP(sport=sport,dport=dport,flags="PA",seq=seq+1,ack=sseq+1)/client_payload)
    c2=seq+1+len(client_payload)
    add(IP(src=srv,dst=cli)/TCP(sport=dport,dport=sport,flags="A",seq=sseq+1,ack=c2))
    s2=sseq+1
    if server_payload:
        add(IP(src=srv,dst=cli)/TCP(sport=dport,dport=sport,flags="PA",seq=s2,ack=c2)/server_payload)
        s2+=len(server_payload)
        add(IP(src=cli,dst=srv)/TCP(sport=sport,dport=dport,flags="A",seq=c2,ack=s2))
    add(IP(src=cli,dst=srv)/TCP(sport=sport,dport=dport,flags="FA",seq=c2,ack=s2))
    add(IP(src=srv,dst=cli)/TCP(sport=dport,dport=sport,flags="FA",seq=s2,ack=c2+1))
    add(IP(src=cli,dst=srv)/TCP(sport=sport,dport=dport,flags="A",seq=c2+1,ack=s2+1))
body=b"MZ-not-really-an-exe\n"
http_req=b"GET /load/setup.exe?id=1 HTTP/1.1\r\nHost: cdn.bad-example.net\r\nUser-Agent: Mozilla/5.0 (Windows NT 10.0)\r\nAccept: */*\r\n\r\n"
http_resp=b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: %d\r\n\r\n"%len(body)+body
tcp_session("203.0.113.45",80,http_req,http_resp,50001)
from scapy.layers.tls.all import *
load_layer("tls")
ch=TLS(msg=[TLSClientHello(ciphers=[0x1301,0xc02f],ext=[TLS_Ext_ServerName(servernames=[ServerName(servername=b"login.phish.example.org")]),TLS_Ext_SupportedVersion_CH(versions=[0x0304,0x0303])])])
sh=TLS(msg=[TLSServerHello(version=0x0303,cipher=0xc02f)])
tcp_session("198.51.100.23",443,bytes(ch),bytes(sh),50002)
wrpcap("khien.pcap",pkts)
print(len(pkts))
