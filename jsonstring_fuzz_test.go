package clockify

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
)

// Everything the SDK decodes must encode again: programs cache and log these values. Each
// target decodes arbitrary bytes; when that succeeds, json.Marshal must succeed, decoding its
// output must give an equal value, and encoding that must give the same bytes.

func FuzzUserRoundTrip(f *testing.F) {
	addSeeds(f, "user_2020.json", `{"id":"u1","settings":{}}`, `{"settings":{"weekStart":null}}`,
		`{"settings":{"weekStart":""}}`, `{"name":null,"settings":null,"memberships":[]}`,
		`{"roles":[],"customFields":[{"customFieldId":"c","name":"n","type":"TXT","value":[1, "<&>"]}]}`,
		`{"memberships":[{"hourlyRate":{"amount":1}}],"roles":[{"role":{"name":"OWNER"}}]}`)
	addArraySeeds(f, "users_2020.json")
	f.Fuzz(func(t *testing.T, data []byte) { checkRoundTrip[User](t, data) })
}

func FuzzProfileRoundTrip(f *testing.F) {
	addSeeds(f, "profile.json", `{}`, `{"weekStart":null,"workCapacity":null,"workingDays":null}`,
		`{"weekStart":"","workCapacity":"","workingDays":""}`,
		`{"workCapacity":"PT0.5S","workingDays":"[\"SUNDAY\",\"MONDAY\"]"}`,
		`{"workCapacity":"P1DT2H","workingDays":"FRIDAY"}`, `{"workCapacity":"pt7,5h"}`)
	f.Fuzz(func(t *testing.T, data []byte) { checkRoundTrip[Profile](t, data) })
}

func FuzzWorkspaceRoundTrip(f *testing.F) {
	addSeeds(f, `{"featureSubscriptionType":{"type":"PRO"}}`, `{"featureSubscriptionType":"FREE"}`,
		`{"subdomain":{"name":null},"workspaceSettings":{ "a" : [ ] }}`, `{"features":[]}`)
	addArraySeeds(f, "workspaces_2020.json")
	f.Fuzz(func(t *testing.T, data []byte) { checkRoundTrip[Workspace](t, data) })
}

func FuzzRoleGrantRoundTrip(f *testing.F) {
	addSeeds(f, `{"role":{"id":"g1","name":"TEAM_MANAGER","source":{"id":"g1","type":"USER_GROUP"}},"userId":"u1","workspaceId":"ws1"}`,
		`{"role":{"id":"ws1","name":"WORKSPACE_ADMIN","source":null},"workspaceId":"ws1"}`, `{"role":{"source":{}}}`)
	addArraySeeds(f, "role_grant_201.json")
	f.Fuzz(func(t *testing.T, data []byte) { checkRoundTrip[RoleGrant](t, data) })
}

// addSeeds adds each seed: a file in testdata/ when it names one, else the JSON itself.
func addSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		if b, err := os.ReadFile(filepath.Join("testdata", s)); err == nil {
			f.Add(b)
			continue
		}
		f.Add([]byte(s))
	}
}

// addArraySeeds adds each element of the JSON array in the testdata file name.
func addArraySeeds(f *testing.F, name string) {
	var elems []json.RawMessage
	if err := json.Unmarshal(readTestdata(f, name), &elems); err != nil {
		f.Fatal(err)
	}
	for _, e := range elems {
		f.Add([]byte(e))
	}
}

func checkRoundTrip[T any](t *testing.T, data []byte) {
	var v T
	if json.Unmarshal(data, &v) != nil {
		return
	}
	b, err := json.Marshal(&v)
	if err != nil {
		t.Fatalf("decoded %q, but encoding it fails: %v", data, err)
	}
	var back T
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("%q encodes as %s, which does not decode: %v", data, b, err)
	}
	b2, err := json.Marshal(&back)
	if err != nil {
		t.Fatalf("%s decodes to a value that does not encode: %v", b, err)
	}
	if !bytes.Equal(b, b2) {
		t.Fatalf("encoding is not stable:\n%s\n%s", b, b2)
	}
	canonicalize(reflect.ValueOf(&v).Elem())
	canonicalize(reflect.ValueOf(&back).Elem())
	if !reflect.DeepEqual(v, back) {
		t.Fatalf("%q decodes to\n%+v\nbut after encoding as %s to\n%+v", data, v, b, back)
	}
}

var rawMessageType = reflect.TypeFor[json.RawMessage]()

// canonicalize rewrites, in place, what the JSON round trip is allowed to change: raw JSON
// values are compacted and HTML-escaped (as json.Marshal writes them), and an empty list is
// nil (an omitempty list that came as [] comes back absent).
func canonicalize(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			canonicalize(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Field(i).CanSet() {
				canonicalize(v.Field(i))
			}
		}
	case reflect.Slice:
		switch {
		case v.Len() == 0:
			v.SetZero()
		case v.Type() == rawMessageType:
			var compact, escaped bytes.Buffer
			if json.Compact(&compact, v.Bytes()) == nil {
				json.HTMLEscape(&escaped, compact.Bytes())
				v.SetBytes(escaped.Bytes())
			}
		default:
			for i := range v.Len() {
				canonicalize(v.Index(i))
			}
		}
	}
}

// The fast paths for the SDK's own types (plain strings, whole-number durations, plain day
// arrays) must agree with the general code on every input: the same value, and an error
// exactly when the general code errs, with the same message.

func FuzzDurationFastPath(f *testing.F) {
	for _, s := range []string{
		"PT7H", "PT7H30M", "PT8H", "PT0S", "P1DT2H", "P0D", "PT45M", "PT90M", "PT1H1S", "PT26H",
		"P106751DT23H47M16S", "PT2562047H47M16S", "PT2562047H47M17S", "P106752D",
		"PT9999999999999999999H", "PT000000000000000000000001H", "PT7.5H", "pt8h", "P1W", "+PT1H",
		"", "P", "PT", "P1DT", "PT1H1H", "PT1M1H", "PT1D", "P1H", "PT1HT", "PTT1H", "PT 7H", "PT7H ",
		"-PT1H", "P1Y", `\u0050T7H`,
	} {
		f.Add([]byte(s))
		f.Add([]byte(`"` + s + `"`))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := string(data)
		fast, fastErr := ParseDuration(s)
		slow, slowErr := parseDurationGeneral(s)
		sameResult(t, "ParseDuration("+strconv.Quote(s)+")", fast, slow, fastErr, slowErr)

		fast, slow = Hours(3), Hours(3) // null leaves the value as it is
		fastErr, slowErr = fast.UnmarshalJSON(data), slow.unmarshalJSONGeneral(data)
		sameResult(t, "Duration.UnmarshalJSON("+strconv.Quote(s)+")", fast, slow, fastErr, slowErr)
	})
}

func FuzzWeekdayFastPath(f *testing.F) {
	for _, s := range []string{
		`["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"]`, `["SATURDAY","SUNDAY"]`, `[]`,
		`["MONDAY","MONDAY"]`, `["MONDAY",]`, `["MONDAY""FRIDAY"]`, `["MONDAY"]]`, `[ "MONDAY"]`,
		`["MON\u0044AY"]`, `["MONDAY\"]`, `[""]`, `["monday"]`, `[`, `["`, `"[\"MONDAY\"]"`,
		`"MONDAY"`, `"WEDNESDAY"`, `""`, `null`, `"FUNDAY"`, `"MON\u0044AY"`, `"\u00e9"`, `"é"`,
		`"MONDAY" `, `"`, `"""`, `"\"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		q := strconv.Quote(string(data))
		fastSet, slowSet := Weekdays, Weekdays
		fastErr, slowErr := fastSet.UnmarshalJSON(data), slowSet.unmarshalJSONGeneral(data)
		sameResult(t, "WeekdaySet.UnmarshalJSON("+q+")", fastSet, slowSet, fastErr, slowErr)

		fastDay, slowDay := Friday, Friday
		fastErr, slowErr = fastDay.UnmarshalJSON(data), slowDay.unmarshalJSONGeneral(data)
		sameResult(t, "Weekday.UnmarshalJSON("+q+")", fastDay, slowDay, fastErr, slowErr)

		fastStr, fastNull, fastErr := decodeString(data, "f")
		slowStr, slowNull, slowErr := decodeStringGeneral(data, "f")
		sameResult(t, "decodeString("+q+")", fastStr, slowStr, fastErr, slowErr)
		if fastNull != slowNull {
			t.Fatalf("decodeString(%s): null %v, general code %v", q, fastNull, slowNull)
		}
	})
}

// sameResult fails unless the fast and the general path gave the same value and error.
func sameResult[T comparable](t *testing.T, call string, fast, slow T, fastErr, slowErr error) {
	t.Helper()
	if fast != slow || (fastErr == nil) != (slowErr == nil) ||
		(fastErr != nil && fastErr.Error() != slowErr.Error()) {
		t.Fatalf("%s = %v, %v; the general code gives %v, %v", call, fast, fastErr, slow, slowErr)
	}
}
