package clockify

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The getters this package adds on result types, called on a nil pointer, report nothing found
// instead of panicking.
func TestGetters_nilResultsReportNothing(t *testing.T) {
	var (
		p *Project
		g *UserGroup
		e *TimeEntry
	)
	assert.NotPanics(t, func() {
		m, ok := p.Membership("u1")
		assert.False(t, ok)
		assert.Zero(t, m)
		assert.False(t, g.HasMember("u1"))
		assert.False(t, e.Running())
		assert.Zero(t, e.Elapsed(time.Now()))
	})
}

// Every getter of every result type the services return is safe on a nil pointer. The types
// and their methods are found by reflection, so a new getter is covered as soon as it exists.
func TestGetters_everyResultTypeIsNilSafe(t *testing.T) {
	notGetters := []string{"UnmarshalJSON", "MarshalJSON", "UnmarshalText", "MarshalText", "Set", "Format"}
	checked := 0
	for _, typ := range resultTypes() {
		nilValue := reflect.Zero(typ)
		for i := range typ.NumMethod() {
			m := typ.Method(i)
			name := typ.Elem().Name() + "." + m.Name
			// A method on the value (Webhook.String, RoleGrant.Assignment) cannot run on a nil
			// pointer in Go; fmt prints such a nil as <nil>. The promise is for pointer methods.
			if _, onValue := typ.Elem().MethodByName(m.Name); onValue || slices.Contains(notGetters, m.Name) {
				continue
			}
			args := []reflect.Value{nilValue}
			for k := 1; k < m.Type.NumIn(); k++ {
				switch in := m.Type.In(k); in {
				case reflect.TypeFor[string]():
					args = append(args, reflect.ValueOf("id1"))
				case reflect.TypeFor[time.Time]():
					args = append(args, reflect.ValueOf(time.Now()))
				default:
					t.Fatalf("%s takes a %v: teach this test a value for it", name, in)
				}
			}
			assert.NotPanics(t, func() { m.Func.Call(args) }, name)
			checked++
		}
	}
	assert.GreaterOrEqual(t, checked, 9, "getters found by reflection")
}

// resultTypes are the pointer-to-struct types the services' methods return, directly or as
// slice elements: the results a caller may hold as nil.
func resultTypes() []reflect.Type {
	seen := map[reflect.Type]bool{}
	var out []reflect.Type
	client := reflect.TypeFor[Client]()
	for i := range client.NumField() {
		f := client.Field(i)
		if !f.IsExported() || !strings.HasSuffix(f.Type.String(), "Service") {
			continue
		}
		for j := range f.Type.NumMethod() {
			mt := f.Type.Method(j).Type
			for k := range mt.NumOut() {
				r := mt.Out(k)
				if r.Kind() == reflect.Slice {
					r = r.Elem()
				}
				if r.Kind() == reflect.Pointer && r.Elem().Kind() == reflect.Struct && r != reflect.TypeFor[*Response]() && !seen[r] {
					seen[r] = true
					out = append(out, r)
				}
			}
		}
	}
	require.NotEmpty(nil, out)
	return out
}
