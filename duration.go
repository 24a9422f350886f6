package clockify

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// Duration is a length of time that travels as an ISO-8601 duration, as Clockify writes a
// member's daily work capacity ("PT7H", "PT7H30M"). It converts freely to time.Duration.
type Duration time.Duration

// Hours returns a Duration of h hours, rounded to the nanosecond: Hours(7.5) is PT7H30M.
//
// Hours cannot return an error, so for NaN, an infinity, or more hours than a Duration holds
// (about 2.5 million either way) it returns an invalid Duration instead of a wrong length: its
// String is "INVALID", encoding it fails, and every request carrying it is refused with a
// *ValidationError before anything is sent.
func Hours(h float64) Duration {
	ns := h * float64(time.Hour)
	if math.IsNaN(ns) || ns >= math.MaxInt64 || ns <= math.MinInt64 {
		return invalidHours
	}
	return Duration(math.Round(ns))
}

// invalidHours is what Hours returns for a number of hours that is not a Duration. It is
// negative, so everything that refuses a negative Duration refuses it too.
const invalidHours = Duration(math.MinInt64)

// Std returns d as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }

// Hours returns d in hours.
func (d Duration) Hours() float64 { return time.Duration(d).Hours() }

// String returns d in canonical ISO-8601 form with hours as the largest unit: "PT0S", "PT7H",
// "PT7H30M", "PT26H", "PT0.5S". A negative d (which ParseDuration never returns) is written
// with a leading "-"; what Hours returns for NaN or an infinity is "INVALID".
func (d Duration) String() string {
	switch d {
	case 0:
		return "PT0S"
	case invalidHours:
		return "INVALID"
	}
	var b []byte
	n := int64(d)
	if n < 0 {
		b = append(b, '-')
	}
	u := uint64(n)
	if n < 0 {
		u = uint64(-n)
	}
	b = append(b, "PT"...)
	h := u / uint64(time.Hour)
	u -= h * uint64(time.Hour)
	m := u / uint64(time.Minute)
	u -= m * uint64(time.Minute)
	if h > 0 {
		b = strconv.AppendUint(b, h, 10)
		b = append(b, 'H')
	}
	if m > 0 {
		b = strconv.AppendUint(b, m, 10)
		b = append(b, 'M')
	}
	if u > 0 {
		sec := u / uint64(time.Second)
		frac := u % uint64(time.Second)
		b = strconv.AppendUint(b, sec, 10)
		if frac > 0 {
			f := strconv.AppendUint(nil, frac+uint64(time.Second), 10)[1:] // zero-padded to 9 digits
			f = bytes.TrimRight(f, "0")
			b = append(b, '.')
			b = append(b, f...)
		}
		b = append(b, 'S')
	}
	return string(b)
}

// ParseDuration parses an ISO-8601 duration of weeks, days, hours, minutes and seconds:
// "PT7H", "PT7H30M", "PT0S", "P1DT2H", "PT7.5H", "P1W". A day is 24 hours. Years and months
// (whose length varies), negative values, and empty or malformed input are errors.
func ParseDuration(s string) (Duration, error) {
	if d, ok := parseWholeDuration(s); ok {
		return d, nil
	}
	return parseDurationGeneral(s)
}

// parseWholeDuration reads, without allocating, the shapes Clockify sends: whole numbers of
// days, hours, minutes and seconds in upper case ("PT7H30M", "PT0S", "P1DT2H"). Anything else,
// errors and overflow included, is left to the general parser: ok is false. It must agree with
// parseDurationGeneral wherever ok is true (jsonstring_fuzz_test.go checks).
func parseWholeDuration[T string | []byte](s T) (d Duration, ok bool) {
	if len(s) < 3 || s[0] != 'P' {
		return 0, false
	}
	var total int64
	inTime, last := false, 0 // last: the previous unit, 1 (D) to 4 (S), so each comes once, in order
	for i := 1; i < len(s); i++ {
		if s[i] == 'T' {
			if inTime || i == len(s)-1 {
				return 0, false
			}
			inTime = true
			continue
		}
		var n int64
		start := i
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if i-start == 18 { // n stays below 10^18
				return 0, false
			}
			n = n*10 + int64(s[i]-'0')
		}
		if i == start || i == len(s) {
			return 0, false
		}
		var unit time.Duration
		var order int
		switch c := s[i]; {
		case !inTime && c == 'D':
			unit, order = 24*time.Hour, 1
		case inTime && c == 'H':
			unit, order = time.Hour, 2
		case inTime && c == 'M':
			unit, order = time.Minute, 3
		case inTime && c == 'S':
			unit, order = time.Second, 4
		default:
			return 0, false
		}
		if order <= last || n > (math.MaxInt64-total)/int64(unit) {
			return 0, false
		}
		last = order
		total += n * int64(unit)
	}
	return Duration(total), last > 0
}

// parseDurationGeneral is ParseDuration for any input, with exact rational arithmetic.
func parseDurationGeneral(s string) (Duration, error) {
	bad := func(reason string) (Duration, error) {
		return 0, fmt.Errorf("clockify: invalid ISO-8601 duration %q: %s", s, reason)
	}
	if s == "" {
		return bad("empty")
	}
	rest := s
	if rest[0] == '-' {
		return bad("negative durations are not allowed")
	}
	if rest[0] == '+' {
		rest = rest[1:]
	}
	if len(rest) == 0 || (rest[0] != 'P' && rest[0] != 'p') {
		return bad("must start with P")
	}
	rest = rest[1:]
	if rest == "" {
		return bad("no components")
	}
	p := durationParser{lastOrder: -1}
	for rest != "" {
		var err error
		if rest, err = p.next(rest); err != nil {
			return bad(err.Error())
		}
	}
	if p.components == 0 {
		return bad("no components")
	}
	// Round half up to the nanosecond: floor((2·num + den) / (2·den)).
	num, den := p.total.Num(), p.total.Denom()
	n := new(big.Int).Lsh(num, 1)
	n.Add(n, den)
	n.Quo(n, new(big.Int).Lsh(den, 1))
	if !n.IsInt64() {
		return bad("too long")
	}
	return Duration(n.Int64()), nil
}

// invalidDuration is the reason a duration does not parse, which ParseDuration puts in its error.
type invalidDuration string

func (r invalidDuration) Error() string { return string(r) }

// durationParser adds up the components of an ISO-8601 duration. The arithmetic is exact:
// float64 loses nanoseconds beyond 2^53 ns (about 104 days), which broke
// ParseDuration(d.String()) == d.
type durationParser struct {
	total       big.Rat
	inTime      bool // past the T
	components  int
	lastOrder   int // the previous component's unit, so units come in order, each once
	sawFraction bool
}

// next reads the T or one number-and-unit component at the start of rest and returns what
// follows; an error is the reason the duration is invalid.
func (p *durationParser) next(rest string) (string, error) {
	if rest[0] == 'T' || rest[0] == 't' {
		if p.inTime {
			return "", invalidDuration("T appears twice")
		}
		p.inTime = true
		if rest = rest[1:]; rest == "" {
			return "", invalidDuration("no time components after T")
		}
		return rest, nil
	}
	i := 0
	for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.' || rest[i] == ',') {
		i++
	}
	switch {
	case i == 0 && rest[0] == '-':
		return "", invalidDuration("negative durations are not allowed")
	case i == 0:
		return "", invalidDuration(fmt.Sprintf("expected a number at %q", rest))
	case i == len(rest):
		return "", invalidDuration("number without a unit")
	case i > maxDurationDigits:
		return "", invalidDuration(fmt.Sprintf("number %.10s… is too long", rest))
	}
	v, err := p.number(rest[:i])
	if err != nil {
		return "", err
	}
	scale, err := p.unit(rest[i])
	if err != nil {
		return "", err
	}
	p.total.Add(&p.total, v.Mul(v, new(big.Rat).SetInt64(int64(scale))))
	if p.total.Cmp(maxDurationRat) > 0 {
		return "", invalidDuration("too long")
	}
	return rest[i+1:], nil
}

// number reads a component's digits, with '.' or ',' as the decimal mark; only the last
// component may have a fraction.
func (p *durationParser) number(s string) (*big.Rat, error) {
	num := strings.Replace(s, ",", ".", 1)
	if strings.Count(num, ".") > 1 || num[0] == '.' || num[len(num)-1] == '.' {
		return nil, invalidDuration(fmt.Sprintf("malformed number %q", s))
	}
	v, ok := new(big.Rat).SetString(num) // num is digits with at most one '.', so exact
	if !ok {
		return nil, invalidDuration(fmt.Sprintf("malformed number %q", s))
	}
	if p.sawFraction {
		return nil, invalidDuration("only the last component may have a fraction")
	}
	p.sawFraction = strings.Contains(num, ".")
	return v, nil
}

// unit returns the length of a component's unit: weeks and days before the T, hours, minutes
// and seconds after it, in that order.
func (p *durationParser) unit(u byte) (time.Duration, error) {
	var scale time.Duration
	var order int
	switch {
	case !p.inTime && (u == 'W' || u == 'w'):
		scale, order = 7*24*time.Hour, 0
	case !p.inTime && (u == 'D' || u == 'd'):
		scale, order = 24*time.Hour, 1
	case !p.inTime && (u == 'Y' || u == 'y' || u == 'M' || u == 'm'):
		return 0, invalidDuration("years and months have no fixed length")
	case p.inTime && (u == 'H' || u == 'h'):
		scale, order = time.Hour, 2
	case p.inTime && (u == 'M' || u == 'm'):
		scale, order = time.Minute, 3
	case p.inTime && (u == 'S' || u == 's'):
		scale, order = time.Second, 4
	default:
		return 0, invalidDuration(fmt.Sprintf("unexpected unit %q", string(u)))
	}
	if order <= p.lastOrder {
		return 0, invalidDuration("components out of order or repeated")
	}
	p.lastOrder = order
	p.components++
	return scale, nil
}

var maxDurationRat = new(big.Rat).SetInt64(math.MaxInt64)

// maxDurationDigits bounds one component's number: 19 integer digits reach the longest
// Duration, and nine decimals are a nanosecond; anything longer is not a real duration.
const maxDurationDigits = 32

// MarshalJSON writes d as an ISO-8601 string. A negative d, and what Hours returns for NaN or
// an infinity, are errors. Fractions of a second are written as they are, so a decoded value
// encodes again unchanged; requests refuse them before sending (Clockify keeps capacities in
// whole seconds or coarser).
func (d Duration) MarshalJSON() ([]byte, error) {
	switch {
	case d == invalidHours:
		return nil, &ValidationError{Field: "duration", Reason: "is not a finite number of hours"}
	case d < 0:
		return nil, &ValidationError{Field: "duration", Reason: fmt.Sprintf("%s must not be negative", d)}
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads an ISO-8601 string; null and "" leave the zero value.
func (d *Duration) UnmarshalJSON(b []byte) error {
	if in, ok := plainString(b); ok {
		if v, ok := parseWholeDuration(in); ok {
			*d = v
			return nil
		}
	}
	return d.unmarshalJSONGeneral(b)
}

// unmarshalJSONGeneral is UnmarshalJSON for any input; UnmarshalJSON answers the common
// shapes itself and must agree with it (jsonstring_fuzz_test.go checks).
func (d *Duration) unmarshalJSONGeneral(b []byte) error {
	s, null, err := decodeString(b, "duration")
	if null || err != nil {
		return err
	}
	if s == "" {
		*d = 0
		return nil
	}
	v, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
