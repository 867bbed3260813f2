# Settings of the real node, shared by hack/real-node/*.sh. Source it after hack/cluster-env.sh.
# Everything the node writes lives under $REAL_NODE_DIR, inside the cluster's own directory.
REAL_NODE_DIR="$SCALABLEAPP_CLUSTER_DIR/real-node"
REAL_NODE_NAME="${SCALABLEAPP_REAL_NODE_NAME:-real-node}"
# Pods on the real node: the bridge, its subnet and the gateway address, which is also the node's address
# (kubelet, CoreDNS and the API server's advertised endpoint all listen there, never on the machine's network).
REAL_NODE_BRIDGE=sa-real0
REAL_NODE_POD_CIDR=10.244.0.0/24
REAL_NODE_IP=10.244.0.1
REAL_NODE_KUBELET_PORT=10350
# Real pods go to the real node only when they ask: the node carries this label and a NoSchedule taint with the
# same key. Tests give a namespace both (hack/real-node/namespace.sh), through the API server's PodNodeSelector
# and PodTolerationRestriction admission plugins, so the operator's own pods land there without any change.
REAL_NODE_LABEL=scalableapp.io/real-node
CONTAINERD_SOCK="$REAL_NODE_DIR/containerd/containerd.sock"
# Images imported into containerd, named under scalableapp.local (no registry serves them; never pulled).
PAUSE_IMAGE=scalableapp.local/pause:1
KUBECTL_IMAGE=scalableapp.local/kubectl:$KUBE_VERSION
LOAD_TARGET_IMAGE=scalableapp.local/load-target:1
LOAD_TARGET_IMAGE_NEXT=scalableapp.local/load-target:2
VARNISH_IMAGE=scalableapp.local/varnish:$(dpkg-query -W -f='${Version}' varnish 2>/dev/null | tr '~+:' '---' || echo none)
ctr_node() { ctr --address "$CONTAINERD_SOCK" --namespace k8s.io "$@"; }
