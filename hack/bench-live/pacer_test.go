package main

import (
	"strings"
	"testing"
	"time"
)

func TestPacerSendsEachMinuteAtItsOwnRate(t *testing.T) {
	p := TracePacer{Counts: []float64{10, 0, 40}, Segment: 5 * time.Second, Scale: 0.5}
	if got := p.Rate(2 * time.Second); got != 5 {
		t.Fatalf("rate in the first minute = %v, want 5/s", got)
	}
	if got := p.Rate(7 * time.Second); got != 0 {
		t.Fatalf("rate in the silent minute = %v, want 0", got)
	}
	// 25 requests in the first 5 s, none in the next 5, then 20/s: the 26th is due 50 ms into the third minute.
	wait, stop := p.Pace(5*time.Second, 25)
	if stop || wait != 5*time.Second+50*time.Millisecond {
		t.Fatalf("after the first minute: wait %v stop %v, want 5.05s false", wait, stop)
	}
	if wait, stop := p.Pace(time.Second, 3); stop || wait != 0 {
		t.Fatalf("behind schedule: wait %v stop %v, want 0 false", wait, stop)
	}
}

func TestPacerStopsAtTheEndOfTheStretch(t *testing.T) {
	p := TracePacer{Counts: []float64{10, 10}, Segment: time.Second, Scale: 1}
	if _, stop := p.Pace(2*time.Second, 20); !stop {
		t.Fatal("did not stop after the stretch")
	}
	if _, stop := p.Pace(1500*time.Millisecond, 20); !stop {
		t.Fatal("did not stop when every request of the stretch was sent")
	}
}

func TestRowsCountFromTheEndOfTheWarmUp(t *testing.T) {
	p := TracePacer{Counts: []float64{10, 20, 30}, Segment: 2 * time.Second, Scale: 1}
	var b strings.Builder
	seconds := []Second{{Sent: 20, LatenciesMs: []float64{1, 2}}, {Sent: 20}, {Sent: 30}, {Sent: 30}}
	if err := WriteSeconds(&b, seconds, p, 2*time.Second); err != nil {
		t.Fatal(err)
	}
	want := "second,trace_minute,target_rps,sent,failed,over_slo,p50_ms,p95_ms,max_ms\n" +
		"0,0,20.00,20,0,0,1.0,2.0,2.0\n1,0,20.00,20,0,0,0.0,0.0,0.0\n" +
		"2,1,30.00,30,0,0,0.0,0.0,0.0\n3,1,30.00,30,0,0,0.0,0.0,0.0\n"
	if b.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", b.String(), want)
	}
}
