package dev.kiln.worker.ops;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.Graph;
import dev.kiln.graph.Node;

import java.util.Set;

/**
 * BuildKit validates entitlements for the whole graph before anything runs, so a build that needs a
 * privilege it was not granted fails at once, naming the step, instead of after its earlier steps.
 */
final class EntitlementCheck {
    private EntitlementCheck() {
    }

    static void check(Graph graph, Set<Entitlement> allowed) {
        for (Node node : graph.reachable()) {
            if (node.op() instanceof ExecOp exec) {
                if ("host".equals(exec.network())) {
                    require(node, Entitlement.NETWORK_HOST, "RUN --network=host", allowed);
                }
                if ("insecure".equals(exec.security())) {
                    require(node, Entitlement.SECURITY_INSECURE, "RUN --security=insecure", allowed);
                }
            }
        }
    }

    private static void require(Node node, Entitlement needed, String what, Set<Entitlement> allowed) {
        if (!allowed.contains(needed)) {
            throw new KilnException(ErrorKind.PERMISSION_DENIED, needed.flag() + " is not allowed: " + what
                    + " needs kiln build --allow " + needed.flag(), node.meta().location(), null);
        }
    }
}
