// argocd-health runs an Argo CD resource health check (health.lua) with gopher-lua, the Lua
// interpreter Argo CD embeds, the way Argo CD calls it: the object as the global `obj`, the
// script's returned table as the health.
//
//	argocd-health <health.lua> <object.yaml>   prints {"status":...,"message":...}
//	argocd-health test <dir>                   runs <dir>/health_test.yaml against <dir>/health.lua
//
// The test mode reads Argo CD's resource_customizations layout, so the same files can be
// contributed upstream or pasted into argocd-cm.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	lua "github.com/yuin/gopher-lua"
	"sigs.k8s.io/yaml"
)

type health struct {
	Status  string `json:"status"`
	Message string `json:"message"`
}

type testFile struct {
	Tests []struct {
		HealthStatus health `json:"healthStatus"`
		InputPath    string `json:"inputPath"`
	} `json:"tests"`
}

func main() {
	switch {
	case len(os.Args) == 3 && os.Args[1] == "test":
		os.Exit(runTests(os.Args[2]))
	case len(os.Args) == 3:
		h, err := evaluate(os.Args[1], os.Args[2])
		must(err)
		must(json.NewEncoder(os.Stdout).Encode(h))
	default:
		fmt.Fprintln(os.Stderr, "usage: argocd-health <health.lua> <object.yaml> | argocd-health test <dir>")
		os.Exit(2)
	}
}

func runTests(dir string) int {
	raw, err := os.ReadFile(filepath.Join(dir, "health_test.yaml"))
	must(err)
	var tests testFile
	must(yaml.UnmarshalStrict(raw, &tests))
	if len(tests.Tests) == 0 {
		fmt.Fprintln(os.Stderr, "argocd-health: no tests in", dir)
		return 1
	}
	failed := 0
	for _, t := range tests.Tests {
		got, err := evaluate(filepath.Join(dir, "health.lua"), filepath.Join(dir, t.InputPath))
		switch {
		case err != nil:
			fmt.Printf("FAIL %s: %v\n", t.InputPath, err)
			failed++
		case got != t.HealthStatus:
			fmt.Printf("FAIL %s: got %+v, want %+v\n", t.InputPath, got, t.HealthStatus)
			failed++
		default:
			fmt.Printf("ok   %s: %s\n", t.InputPath, got.Status)
		}
	}
	if failed > 0 {
		return 1
	}
	return 0
}

func evaluate(script, objectFile string) (health, error) {
	raw, err := os.ReadFile(objectFile)
	if err != nil {
		return health{}, err
	}
	var obj map[string]interface{}
	if err := yaml.Unmarshal(raw, &obj); err != nil {
		return health{}, fmt.Errorf("%s: %w", objectFile, err)
	}
	L := lua.NewState()
	defer L.Close()
	L.SetGlobal("obj", toLua(L, obj))
	if err := L.DoFile(script); err != nil {
		return health{}, err
	}
	table, ok := L.Get(-1).(*lua.LTable)
	if !ok {
		return health{}, fmt.Errorf("%s returned %s, not a table", script, L.Get(-1).Type())
	}
	h := health{Status: lua.LVAsString(table.RawGetString("status")), Message: lua.LVAsString(table.RawGetString("message"))}
	switch h.Status {
	case "Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown":
		return h, nil
	}
	return h, fmt.Errorf("%s returned status %q, which Argo CD does not know", script, h.Status)
}

// toLua converts decoded YAML as Argo CD does: maps and lists become tables, numbers LNumber.
func toLua(L *lua.LState, v interface{}) lua.LValue {
	switch v := v.(type) {
	case map[string]interface{}:
		t := L.NewTable()
		for k, item := range v {
			t.RawSetString(k, toLua(L, item))
		}
		return t
	case []interface{}:
		t := L.NewTable()
		for _, item := range v {
			t.Append(toLua(L, item))
		}
		return t
	case string:
		return lua.LString(v)
	case bool:
		return lua.LBool(v)
	case float64:
		return lua.LNumber(v)
	case int64:
		return lua.LNumber(v)
	case nil:
		return lua.LNil
	}
	return lua.LString(fmt.Sprint(v))
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "argocd-health:", err)
		os.Exit(1)
	}
}
