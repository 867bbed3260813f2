// Command dashboard writes the ScalableApp operator's Grafana dashboard (JSON) to each path given, or to stdout.
// The JSON is generated, never hand-edited: `make dashboard` rewrites the committed copies and `make
// verify-dashboard` fails when they differ from what this program writes.
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	board, err := build().Build()
	if err != nil {
		fmt.Fprintln(os.Stderr, "dashboard:", err)
		os.Exit(1)
	}
	text, err := json.MarshalIndent(board, "", "  ")
	if err != nil {
		fmt.Fprintln(os.Stderr, "dashboard:", err)
		os.Exit(1)
	}
	text = append(text, '\n')
	if len(os.Args) == 1 {
		os.Stdout.Write(text)
		return
	}
	for _, path := range os.Args[1:] {
		if err := os.WriteFile(path, text, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "dashboard:", err)
			os.Exit(1)
		}
	}
}
