package clockify

// The text forms below are for durations written by people: in flags, environment variables and
// configuration files. JSON keeps its own methods (MarshalJSON, UnmarshalJSON), which these do
// not change.

// MarshalText writes d in ISO-8601, as String does ("PT7H30M"). Like MarshalJSON, it refuses a
// negative d and what Hours returns for NaN or an infinity with a *ValidationError, so that
// whatever it writes UnmarshalText reads back.
func (d Duration) MarshalText() ([]byte, error) {
	b, err := d.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return b[1 : len(b)-1], nil // MarshalJSON's ISO-8601 text needs no escaping: drop the quotes
}

// UnmarshalText reads an ISO-8601 duration as ParseDuration does ("PT7H30M", "pt8h", "P1D").
// Unlike JSON, where Clockify sends "" for a value never set, empty text is an error: a flag or
// setting given as "" is more likely a mistake than a zero capacity, which is written "PT0S".
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Set makes *Duration a flag.Value: flag.Var(&capacity, "capacity", "…") accepts what
// UnmarshalText does ("PT7H30M"). It reads the length only; whether Clockify accepts it as a
// work capacity (PT0S to PT24H, whole seconds) is checked when it is sent.
func (d *Duration) Set(s string) error { return d.UnmarshalText([]byte(s)) }
