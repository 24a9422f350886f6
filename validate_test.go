package clockify

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// emailOfLength is a syntactically valid bare address of exactly n bytes (n >= 70).
func emailOfLength(n int) string {
	local := strings.Repeat("l", 64)
	domain := ".example.com"
	return local + "@" + strings.Repeat("d", n-len(local)-1-len(domain)) + domain
}

// An address longer than RFC 5321's 254 bytes is refused by every method taking an e-mail, before
// anything is sent; 254 bytes still goes out.
func TestEmail_longerThan254BytesIsRefusedBeforeSending(t *testing.T) {
	long := emailOfLength(255)
	require.Len(t, long, 255)
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	calls := map[string]func(email string) error{
		"Invite": func(e string) error { _, _, err := client.Members.Invite(ctx, "ws1", e, nil); return err },
		"FindByEmail": func(e string) error {
			_, _, err := client.Members.FindByEmail(ctx, "ws1", e)
			return err
		},
		"PlanRoster": func(e string) error {
			_, err := client.Members.PlanRoster(ctx, "ws1", []MemberSpec{{Email: e}}, nil)
			return err
		},
	}
	for name, call := range calls {
		err := call(long)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, name)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
		assert.Contains(t, err.Error(), "254", name)
	}

	ok, mux2 := setup(t)
	sent := 0
	mux2.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		sent++
		assert.Contains(t, readBody(t, r), emailOfLength(254))
		_, _ = w.Write([]byte(`{"id":"ws1"}`))
	})
	_, _, err := ok.Members.Invite(ctx, "ws1", emailOfLength(254), nil)
	require.NoError(t, err)
	assert.Equal(t, 1, sent)
}

// A huge input is refused after looking at its length only: no parsing, no copy of it in the
// error, the same few allocations whatever its size.
func TestEmail_hugeInputCostsBoundedWork(t *testing.T) {
	huge := emailOfLength(10 << 20)
	err := validateEmail(huge)
	require.ErrorIs(t, err, ErrInvalidInput)
	assert.Less(t, len(err.Error()), 200, "the error does not carry the input")
	allocs := testing.AllocsPerRun(5, func() { _ = validateEmail(huge) })
	assert.LessOrEqual(t, allocs, 5.0, "the error and its message, nothing that grows with the input")
}

// The characters no one means in a name, each refused in every name the SDK sends.
var badNameRunes = map[string]string{
	"NUL": "\x00", "tab": "\t", "newline": "\n", "carriage return": "\r", "ESC": "\x1b", "DEL": "\x7f",
	"C1 NEL": "\u0085", "C1 CSI": "\u009b",
	"LRE": "\u202a", "RLE": "\u202b", "PDF": "\u202c", "LRO": "\u202d", "RLO": "\u202e",
	"LRI": "\u2066", "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069",
	"invalid UTF-8": "\xff",
}

func TestName_controlAndBidiCharactersAreRefusedBeforeSending(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	calls := map[string]func(name string) error{
		"Groups.Create": func(n string) error { _, _, err := client.Groups.Create(ctx, "ws1", n); return err },
		"Groups.Rename": func(n string) error { _, _, err := client.Groups.Rename(ctx, "ws1", "g1", n); return err },
		"Members.AddLimited": func(n string) error {
			_, err := client.Members.AddLimited(ctx, "ws1", []LimitedMember{{Name: n}})
			return err
		},
		"Profiles.Update": func(n string) error {
			_, _, err := client.Profiles.Update(ctx, "ws1", "u1", &ProfileUpdate{Name: &n})
			return err
		},
		"PlanRoster": func(n string) error {
			_, err := client.Members.PlanRoster(ctx, "ws1", []MemberSpec{{Name: n, Limited: true}}, nil)
			return err
		},
	}
	for what, r := range badNameRunes {
		for call, f := range calls {
			err := f("Eve" + r + "lyn")
			var ve *ValidationError
			if assert.True(t, errors.As(err, &ve), "%s in %s: %v", what, call, err) {
				assert.ErrorIs(t, err, ErrInvalidInput)
				assert.NotContains(t, err.Error(), r, "the error does not echo the character itself")
			}
		}
	}
}

// Names people do write pass: accents, other scripts, apostrophes, emoji sequences with
// zero-width joiners, a literal U+FFFD.
func TestName_ordinaryUnicodeNamesAreSent(t *testing.T) {
	client, mux := setup(t)
	var got []string
	mux.HandleFunc("POST /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		got = append(got, readBody(t, r))
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"id":"g1","name":"x"}`))
	})
	names := []string{"Zoë O'Brien-Łukasz", "渡辺 さくら", "Ahmed مرحبا", "Dev 👩‍💻 team", "odd \uFFFD name"}
	for _, n := range names {
		_, _, err := client.Groups.Create(ctx, "ws1", n)
		require.NoError(t, err, n)
	}
	assert.Len(t, got, len(names))
}

// A huge name is refused by its length, and the error does not carry it.
func TestName_hugeInputIsRefusedWithABoundedError(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	_, _, err := client.Groups.Create(ctx, "ws1", strings.Repeat("n", 10<<20))
	require.ErrorIs(t, err, ErrInvalidInput)
	assert.Less(t, len(err.Error()), 200)
}
