package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

const minuteLayout = "2006-01-02 15:04:05"

// Stretch is a run of whole trace minutes: requests per minute, from Start.
type Stretch struct {
	Start  time.Time
	Counts []float64
}

// LoadStretch reads a lab trace (gzipped CSV "minute,count", one row per minute, gaps read as zero) and keeps
// the minutes [from, from+minutes).
func LoadStretch(path string, from time.Time, minutes int) (Stretch, error) {
	f, err := os.Open(path)
	if err != nil {
		return Stretch{}, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return Stretch{}, fmt.Errorf("%s: %w", path, err)
	}
	counts := make([]float64, minutes)
	seen := 0
	scanner := bufio.NewScanner(gz)
	for scanner.Scan() {
		line := scanner.Text()
		if line == "" || line[0] < '0' || line[0] > '9' {
			continue
		}
		minute, count, ok := strings.Cut(line, ",")
		if !ok {
			return Stretch{}, fmt.Errorf("%s: bad line %q", path, line)
		}
		t, err := time.Parse(minuteLayout, minute)
		if err != nil {
			return Stretch{}, fmt.Errorf("%s: %w", path, err)
		}
		i := int(t.Sub(from) / time.Minute)
		if t.Before(from) || i >= minutes {
			continue
		}
		if counts[i], err = strconv.ParseFloat(count, 64); err != nil {
			return Stretch{}, fmt.Errorf("%s: %w", path, err)
		}
		seen++
	}
	if err := scanner.Err(); err != nil {
		return Stretch{}, fmt.Errorf("%s: %w", path, err)
	}
	if seen == 0 {
		return Stretch{}, fmt.Errorf("%s has no minutes from %s", path, from.Format(minuteLayout))
	}
	return Stretch{Start: from, Counts: counts}, nil
}
