package dev.hankosync.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The JDK's HTTP server on 127.0.0.1 and a free port, set up to answer small requests without delay. */
final class LoopbackHttpServer {

    static {
        // Without TCP_NODELAY each small response waits on the client's delayed ACK (about 40 ms on Linux): the
        // sandbox, not the tool, would then set the pace of every run.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackHttpServer() {}

    static HttpServer create(int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
    }
}
