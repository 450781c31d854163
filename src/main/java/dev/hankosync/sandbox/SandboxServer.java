package dev.hankosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The demo world in a process of its own, for the benchmark: so the heap and RSS measured are the tool's alone,
 * and the sandbox's own CPU time can be shown beside the tool's wall time.
 *
 * <p>{@code java -cp hanko-sync.jar dev.hankosync.sandbox.SandboxServer <users> <rows> [--unique]} prints one JSON line with
 * the URLs and key, then answers commands on stdin, one JSON line each: {@code latency <ms>}, {@code stats},
 * {@code reset} (table back to its seeded rows), {@code quit}.
 */
public final class SandboxServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxServer() {}

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        int rows = Integer.parseInt(args[1]);
        boolean unique = args.length > 2 && args[2].equals("--unique");
        try (DemoWorld world = DemoWorld.start(users, rows, unique);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            ObjectNode hello = JSON.createObjectNode();
            hello.put("hanko_url", world.hankoUrl());
            hello.put("supabase_url", world.supabaseUrl());
            hello.put("supabase_key", world.supabaseKey());
            hello.put("database_url", world.supabase().jdbcUrl());
            say(hello);
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                ObjectNode answer = JSON.createObjectNode();
                if (line.startsWith("latency ")) {
                    Duration latency = Duration.ofMillis(Long.parseLong(line.substring(8).trim()));
                    world.hanko().setLatency(latency);
                    world.supabase().faults().setLatency(latency);
                    answer.put("ok", true);
                } else if (line.equals("stats")) {
                    answer.put("hanko_requests", world.hanko().requestCount());
                    ObjectNode supabase = answer.putObject("supabase_requests");
                    for (String method : new String[] {"GET", "POST", "PATCH", "DELETE", "HEAD"}) {
                        supabase.put(method, world.supabase().faults().requestCount(method));
                    }
                    answer.put("cpu_ms", cpuMillis());
                } else if (line.equals("reset")) {
                    world.resetTable();
                    answer.put("ok", true);
                } else {
                    answer.put("error", "unknown command: " + line);
                }
                say(answer);
            }
        }
    }

    private static long cpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    private static void say(ObjectNode line) throws Exception {
        System.out.println(JSON.writeValueAsString(line));
        System.out.flush();
    }
}
