package clockify

import (
	"fmt"
	"math"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Input is checked before anything is sent: a mistake comes back as a *ValidationError
// (errors.Is(err, ErrInvalidInput)) naming the field, instead of as a request Clockify refuses,
// or worse, one it accepts with the value dropped. Each request type's validate method says
// what it needs and calls the helpers below.

// requireIDs checks that each id (given as name, value pairs) is non-empty and has no path
// separators, so a blank id never turns into a request for another route.
func requireIDs(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if plainID(pairs[i+1]) {
			continue
		}
		if err := checkID(pairs[i], pairs[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// checkID says what is wrong with v as the id named name, if anything.
func checkID(name, v string) error {
	switch {
	case strings.TrimSpace(v) == "":
		return &ValidationError{Field: name, Reason: "must not be empty"}
	case strings.ContainsAny(v, "/?#") || v == "." || v == "..":
		return &ValidationError{Field: name, Reason: fmt.Sprintf("%q is not an id", v)}
	case strings.IndexFunc(v, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		// Clockify ids are 24 hex digits; a space is a copy-and-paste slip, not part of one.
		return &ValidationError{Field: name, Reason: fmt.Sprintf("%q contains spaces or control characters", v)}
	}
	return nil
}

// plainID reports, without looking at runes, whether v is an id that checkID passes: printable
// ASCII other than space, '/', '?' and '#', and not "." or "..". Anything else (Clockify's own
// ids never are) goes through checkID, which says what is wrong.
func plainID(v string) bool {
	if v == "" || v == "." || v == ".." {
		return false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; c <= ' ' || c >= 0x7f || c == '/' || c == '?' || c == '#' {
			return false
		}
	}
	return true
}

// enum is one of Clockify's string enums (Role, SortColumn, ...).
type enum interface {
	~string
	Valid() bool
}

// checkEnum refuses a value of an enum that Clockify does not know; "" means unset and passes.
// what names the enum in the error ("sort column").
func checkEnum[E enum](field, what string, v E) error {
	if v != "" && !v.Valid() {
		return &ValidationError{Field: field, Reason: fmt.Sprintf("unknown %s %q", what, string(v))}
	}
	return nil
}

// checkEnums is checkEnum for each value of a list.
func checkEnums[E enum](field, what string, vs []E) error {
	for _, v := range vs {
		if !v.Valid() {
			return &ValidationError{Field: field, Reason: fmt.Sprintf("unknown %s %q", what, string(v))}
		}
	}
	return nil
}

// checkSecret refuses a credential that could never travel in a header: empty, or with spaces,
// line breaks or control characters (a key read from a file with its trailing newline).
// Refusing it here beats a transport error on every request.
func checkSecret(field, secret string) error {
	if strings.TrimSpace(secret) == "" {
		return &ValidationError{Field: field, Reason: "must not be empty"}
	}
	for i := 0; i < len(secret); i++ {
		if b := secret[i]; b <= ' ' || b == 0x7f {
			return &ValidationError{Field: field, Reason: "must not contain spaces, line breaks or control characters (trim what you read from a file)"}
		}
	}
	return nil
}

// maxEmailLength is the longest e-mail address, in bytes, that SMTP can deliver to: RFC 5321
// (section 4.5.3.1.3) caps a path at 256 octets, two of which are its angle brackets.
const maxEmailLength = 254

// validateEmail accepts a bare address ("a@example.com"), not a display name with one, of at
// most maxEmailLength bytes. The length is checked first, so a huge input costs no parsing and
// is not copied into the error.
func validateEmail(email string) error {
	if email == "" {
		return &ValidationError{Field: "email", Reason: "must not be empty"}
	}
	if len(email) > maxEmailLength {
		return &ValidationError{Field: "email", Reason: fmt.Sprintf("has %d bytes; an address has at most %d (RFC 5321)", len(email), maxEmailLength)}
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || a.Name != "" {
		return &ValidationError{Field: "email", Reason: fmt.Sprintf("%q is not a bare email address", email)}
	}
	return nil
}

// validateAmount checks a rate in minor units, when set, against the range Clockify stores.
func validateAmount(field string, amount *int64) error {
	if amount != nil && (*amount < 0 || *amount > math.MaxInt32) {
		return &ValidationError{Field: field, Reason: fmt.Sprintf("must be between 0 and %d minor units", math.MaxInt32)}
	}
	return nil
}

// validateSchedule checks a capacity (0 to 24 hours, in whole seconds) and a working-day set
// (real days, at least one) wherever they are set; prefix names the enclosing field in errors,
// which give durations in ISO-8601 as Clockify does.
func validateSchedule(prefix string, capacity *Duration, days *WeekdaySet) error {
	if capacity != nil {
		var reason string
		switch c := *capacity; {
		case c == invalidHours:
			reason = "is not a finite number of hours (Hours was given NaN, an infinity or too many hours)"
		case c < 0 || c.Std() > 24*time.Hour:
			reason = fmt.Sprintf("%s is outside PT0S to PT24H", c)
		case c.Std()%time.Second != 0:
			reason = fmt.Sprintf("%s is not a whole number of seconds", c)
		}
		if reason != "" {
			return &ValidationError{Field: prefix + "WorkCapacity", Reason: reason}
		}
	}
	if days != nil {
		switch {
		case !days.Valid():
			return &ValidationError{Field: prefix + "WorkingDays", Reason: "contains a value that is not a weekday"}
		case days.Len() == 0:
			return &ValidationError{Field: prefix + "WorkingDays", Reason: "must hold at least one day"}
		}
	}
	return nil
}

// validateCustomFields checks that each custom field has an id and is set once.
func validateCustomFields(field string, cfs []CustomFieldUpsert) error {
	seen := make(map[string]bool, len(cfs))
	for i, cf := range cfs {
		id := cf.CustomFieldID
		switch {
		case strings.TrimSpace(id) == "":
			return &ValidationError{Field: fmt.Sprintf("%s[%d].CustomFieldID", field, i), Reason: "must not be empty"}
		case seen[id]:
			return &ValidationError{Field: fmt.Sprintf("%s[%d].CustomFieldID", field, i), Reason: fmt.Sprintf("%q is set twice", id)}
		}
		seen[id] = true
	}
	return nil
}

// firstError returns the first non-nil error, for validate methods that list their checks.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// maxNameLength is the longest member name Clockify accepts, in characters.
const maxNameLength = 100

// validateName checks a name (a member's, a group's): not blank, at most maxNameLength
// characters, valid UTF-8 (encoding/json would silently replace the bad bytes), and free of the
// characters no one means in a name: control characters (C0 such as NUL, tab, newline and ESC;
// DEL; C1) and the bidirectional overrides and isolates (U+202A to U+202E, U+2066 to U+2069),
// which make a name display as something other than what it is.
func validateName(field, name string) error {
	if strings.TrimSpace(name) == "" {
		return &ValidationError{Field: field, Reason: "must not be empty"}
	}
	if n := utf8.RuneCountInString(name); n > maxNameLength {
		return &ValidationError{Field: field, Reason: fmt.Sprintf("has %d characters; at most %d are allowed", n, maxNameLength)}
	}
	return validateNameChars(field, name)
}

// validateNameChars refuses a name no person would type: invalid UTF-8, control characters and
// bidirectional formatting characters.
func validateNameChars(field, name string) error {
	for i, r := range name {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(name[i:], "\uFFFD"):
			return &ValidationError{Field: field, Reason: fmt.Sprintf("is not valid UTF-8 (at byte %d)", i)}
		case unicode.IsControl(r):
			return &ValidationError{Field: field, Reason: fmt.Sprintf("contains the control character %U at byte %d", r, i)}
		case bidiControl(r):
			return &ValidationError{Field: field, Reason: fmt.Sprintf("contains the bidirectional formatting character %U at byte %d", r, i)}
		}
	}
	return nil
}

// bidiControl reports whether r is a bidirectional embedding, override or isolate
// (U+202A to U+202E, U+2066 to U+2069): in a name, they reorder how the text around them is
// displayed ("Trojan Source").
func bidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// validateIDSet checks a list of ids (of what, e.g. "group"): each a valid id, none twice.
func validateIDSet(field, what string, ids []string) error {
	seen := make(map[string]bool, len(ids))
	for j, id := range ids {
		if err := requireIDs(fmt.Sprintf("%s[%d]", field, j), id); err != nil {
			return err
		}
		if seen[id] {
			return &ValidationError{Field: field, Reason: fmt.Sprintf("%s %q is listed twice", what, id)}
		}
		seen[id] = true
	}
	return nil
}
