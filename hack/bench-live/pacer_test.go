package main

import (
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
