package clockify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// Keeping what Clockify sends. The result types that Clockify extends over time (User,
// UserSettings, Membership, Workspace, WorkspaceSettings, TimeEntry) type the keys callers and
// the SDK's rules use, and keep every other key of the object, as sent, in an exported Extra
// map; MarshalJSON writes the typed keys and then Extra's, so a decoded value encodes with every
// key it came with. Extra only ever holds keys the type has no field for.

// jsonKeys returns the JSON keys of struct type T's fields: the names its json tags give (or
// the field names), without "-" fields.
func jsonKeys[T any]() map[string]bool {
	keys := map[string]bool{}
	t := reflect.TypeFor[T]()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		keys[name] = true
	}
	return keys
}

// extraKeys returns the members of the JSON object b whose keys are not in known, with copies
// of their raw values; nil when there are none or b is not an object (null). b must be valid
// JSON, as it is once json.Unmarshal has accepted it.
func extraKeys(b []byte, known map[string]bool) map[string]json.RawMessage {
	return extraKeysWith(b, known, "", nil)
}

// extraKeysWith is extraKeys that also points *raw at the raw value of the member named key
// (left alone when there is none), for a caller that decodes that member itself.
func extraKeysWith(b []byte, known map[string]bool, key string, raw *[]byte) map[string]json.RawMessage {
	var extra map[string]json.RawMessage
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil
	}
	i++
	for {
		i = skipSpace(b, i)
		if i >= len(b) || b[i] == '}' {
			return extra
		}
		keyEnd := skipValue(b, i)
		rawKey := b[i:keyEnd]
		i = skipSpace(b, keyEnd)
		i = skipSpace(b, i+1) // ':'
		valEnd := skipValue(b, i)
		plainKey := !slices.Contains(rawKey, '\\') && utf8.Valid(rawKey)
		if raw != nil && (!plainKey || len(rawKey) == len(key)+2) && unquoteKey(rawKey, plainKey) == key {
			*raw = b[i:valEnd]
		}
		// known[string(bytes)] does not allocate; the key is made a string only when kept.
		if !plainKey || !known[string(rawKey[1:len(rawKey)-1])] {
			if name := unquoteKey(rawKey, plainKey); !known[name] {
				if extra == nil {
					extra = map[string]json.RawMessage{}
				}
				extra[name] = canonicalRaw(b[i:valEnd])
			}
		}
		i = skipSpace(b, valEnd)
		if i < len(b) && b[i] == ',' {
			i++
		}
	}
}

// unquoteKey returns the JSON string rawKey as encoding/json reads it; plain says it needs no
// unescaping (no backslash, valid UTF-8), and then the conversion does not allocate when only
// compared.
func unquoteKey(rawKey []byte, plain bool) string {
	if plain {
		return string(rawKey[1 : len(rawKey)-1])
	}
	var key string
	_ = json.Unmarshal(rawKey, &key) // valid JSON: cannot fail
	return key
}

// canonicalRaw copies a raw value in the form json.Marshal writes it back (compact, with <, >
// and & escaped), so that a value decodes, encodes and decodes to the same Extra.
func canonicalRaw(v []byte) json.RawMessage {
	var compact, escaped bytes.Buffer
	if json.Compact(&compact, v) != nil {
		return append(json.RawMessage(nil), v...)
	}
	json.HTMLEscape(&escaped, compact.Bytes())
	return json.RawMessage(escaped.Bytes())
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the end of the JSON value starting at b[i] (valid JSON).
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	depth := 0
	for ; i < len(b); i++ {
		switch b[i] {
		case '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
			if depth == 0 {
				return i + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of the object or array holding a literal
			}
			depth--
			if depth == 0 {
				return i + 1
			}
		case ',', ' ', '\t', '\n', '\r', ':':
			if depth == 0 {
				return i
			}
		}
	}
	return i
}

// appendExtra adds extra's members to the JSON object enc (as json.Marshal wrote it), in
// sorted key order, leaving out any key the type writes itself (known).
func appendExtra(enc []byte, extra map[string]json.RawMessage, known map[string]bool) ([]byte, error) {
	if len(extra) == 0 {
		return enc, nil
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		if !known[k] {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return enc, nil
	}
	slices.Sort(keys)
	out := append([]byte(nil), enc[:len(enc)-1]...) // without the closing brace
	for _, k := range keys {
		v := extra[k]
		if !json.Valid(v) {
			return nil, fmt.Errorf("clockify: Extra[%q] is not valid JSON", k)
		}
		if len(out) > 1 {
			out = append(out, ',')
		}
		name, _ := json.Marshal(k)
		out = append(append(append(out, name...), ':'), v...)
	}
	return append(out, '}'), nil
}

var userKeys = jsonKeys[User]()

// UnmarshalJSON decodes a user, keeping the keys User has no field for in Extra. The settings
// are decoded in the same pass rather than by UserSettings.UnmarshalJSON, which would have
// encoding/json scan them twice more; their Extra comes from the same key scan.
func (u *User) UnmarshalJSON(b []byte) error {
	type plain User
	type plainSettings UserSettings
	var v struct {
		plain
		Settings *plainSettings `json:"settings"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*u = User(v.plain)
	var settings []byte
	u.Extra = extraKeysWith(b, userKeys, "settings", &settings)
	if v.Settings != nil {
		u.Settings = (*UserSettings)(v.Settings)
		u.Settings.Extra = extraKeys(settings, userSettingsKeys)
	}
	return nil
}

// checksWholeJSON marks User as decoding its whole input with json.Unmarshal (see wholeJSON).
func (*User) checksWholeJSON() {}

// MarshalJSON writes the user with its Extra keys.
func (u User) MarshalJSON() ([]byte, error) {
	type plain User
	b, err := json.Marshal(plain(u))
	if err != nil {
		return nil, err
	}
	return appendExtra(b, u.Extra, userKeys)
}

var membershipKeys = jsonKeys[Membership]()

// UnmarshalJSON decodes a membership, keeping the keys Membership has no field for in Extra.
func (m *Membership) UnmarshalJSON(b []byte) error {
	type plain Membership
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*m = Membership(p)
	m.Extra = extraKeys(b, membershipKeys)
	return nil
}

// MarshalJSON writes the membership with its Extra keys.
func (m Membership) MarshalJSON() ([]byte, error) {
	type plain Membership
	b, err := json.Marshal(plain(m))
	if err != nil {
		return nil, err
	}
	return appendExtra(b, m.Extra, membershipKeys)
}

var userSettingsKeys = jsonKeys[UserSettings]()

// UnmarshalJSON decodes settings, keeping the keys UserSettings has no field for in Extra.
func (us *UserSettings) UnmarshalJSON(b []byte) error {
	type plain UserSettings
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*us = UserSettings(p)
	us.Extra = extraKeys(b, userSettingsKeys)
	return nil
}

// MarshalJSON writes the settings with their Extra keys.
func (us UserSettings) MarshalJSON() ([]byte, error) {
	type plain UserSettings
	b, err := json.Marshal(plain(us))
	if err != nil {
		return nil, err
	}
	return appendExtra(b, us.Extra, userSettingsKeys)
}
