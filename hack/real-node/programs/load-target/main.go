// The load target of the real-node tests and `make bench-live`: an HTTP server that spends a fixed amount of
// CPU per request (SHA-256 rounds), so a pod's CPU, as the kubelet measures it, follows its request rate and a
// real HPA has a real signal. GET / answers 200 after the work; /healthz answers at once.
//
// Settings (env): PORT (8080), WORK_ROUNDS (SHA-256 rounds per request, 20000 ≈ a few ms of one core),
// CACHE_MAX_AGE (seconds; > 0 adds Cache-Control so an edge may cache the answer).
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
	"sync/atomic"
	"time"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v >= 0 {
		return v
	}
	return def
}

func main() {
	port := envInt("PORT", 8080)
	rounds := envInt("WORK_ROUNDS", 20000)
	maxAge := envInt("CACHE_MAX_AGE", 0)
	host, _ := os.Hostname()
	var served atomic.Uint64
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("/metrics", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		fmt.Fprintf(w, "# HELP load_target_requests_total Requests served at /.\n"+
			"# TYPE load_target_requests_total counter\nload_target_requests_total %d\n", served.Load())
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		sum := sha256.Sum256([]byte(r.URL.Path))
		for i := 1; i < rounds; i++ {
			sum = sha256.Sum256(sum[:])
		}
		if maxAge > 0 {
			w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(maxAge))
		}
		w.Header().Set("X-Served-By", host)
		fmt.Fprintf(w, "%s %s\n", r.URL.Path, hex.EncodeToString(sum[:8]))
		served.Add(1)
	})
	server := &http.Server{Addr: ":" + strconv.Itoa(port), Handler: mux,
		ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 60 * time.Second}
	log.Printf("load-target on :%d, %d rounds per request", port, rounds)
	log.Fatal(server.ListenAndServe())
}
