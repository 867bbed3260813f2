package main

import (
	"math"
	"time"
)

// TracePacer is a vegeta pacer replaying a stretch in compressed time: trace minute i lasts Segment of wall
// time and is sent at a constant Scale * Counts[i] requests per second (open loop: a slow answer never delays
// the next request).
type TracePacer struct {
	Counts  []float64
	Segment time.Duration
	Scale   float64
}

// Duration is the wall time of the whole stretch.
func (p TracePacer) Duration() time.Duration { return time.Duration(len(p.Counts)) * p.Segment }

// Rate is the requests per second at elapsed wall time.
func (p TracePacer) Rate(elapsed time.Duration) float64 {
	i := int(elapsed / p.Segment)
	if i < 0 || i >= len(p.Counts) {
		return 0
	}
	return p.Scale * p.Counts[i]
}

// expected is how many requests are due by elapsed.
func (p TracePacer) expected(elapsed time.Duration) float64 {
	sum := 0.0
	for i := range p.Counts {
		start := time.Duration(i) * p.Segment
		if elapsed <= start {
			break
		}
		in := min(elapsed-start, p.Segment)
		sum += p.Scale * p.Counts[i] * in.Seconds()
	}
	return sum
}

// Pace waits until request number hits+1 is due; it stops at the end of the stretch.
func (p TracePacer) Pace(elapsed time.Duration, hits uint64) (time.Duration, bool) {
	if elapsed >= p.Duration() {
		return 0, true
	}
	due := float64(hits + 1)
	if p.expected(elapsed) >= due {
		return 0, false
	}
	// Walk forward to the segment in which the next request falls.
	done := p.expected(elapsed)
	at := elapsed
	for i := int(elapsed / p.Segment); i < len(p.Counts); i++ {
		end := time.Duration(i+1) * p.Segment
		rate := p.Scale * p.Counts[i]
		if rate > 0 {
			need := (due - done) / rate
			if left := (end - at).Seconds(); need <= left {
				return at + time.Duration(math.Ceil(need*float64(time.Second))) - elapsed, false
			}
			done += rate * (end - at).Seconds()
		}
		at = end
	}
	return 0, true
}
