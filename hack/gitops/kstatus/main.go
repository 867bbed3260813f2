// kstatus prints what kstatus (the status library Flux's health checks and kubectl's status readers
// use) computes for one object of the cluster KUBECONFIG points at, as one JSON line:
//
//	kstatus <group>/<version> <resource> <namespace> <name>
//	{"status":"Current","message":"Resource is Ready"}
//
// A missing object is NotFound, as Flux reports a deleted one.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/tools/clientcmd"
	"sigs.k8s.io/cli-utils/pkg/kstatus/status"
)

type report struct {
	Status  string `json:"status"`
	Message string `json:"message"`
}

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: kstatus <group>/<version> <resource> <namespace> <name>")
		os.Exit(2)
	}
	gv, err := schema.ParseGroupVersion(os.Args[1])
	must(err)
	config, err := clientcmd.BuildConfigFromFlags("", os.Getenv("KUBECONFIG"))
	must(err)
	client, err := dynamic.NewForConfig(config)
	must(err)
	obj, err := client.Resource(gv.WithResource(os.Args[2])).Namespace(os.Args[3]).
		Get(context.Background(), os.Args[4], metav1.GetOptions{})
	var r report
	switch {
	case apierrors.IsNotFound(err):
		r = report{Status: status.NotFoundStatus.String(), Message: "Resource not found"}
	case err != nil:
		must(err)
	default:
		result, err := status.Compute(obj)
		must(err)
		r = report{Status: result.Status.String(), Message: result.Message}
	}
	must(json.NewEncoder(os.Stdout).Encode(r))
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "kstatus:", err)
		os.Exit(1)
	}
}
