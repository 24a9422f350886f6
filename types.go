package clockify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// Ptr returns a pointer to v, for the optional fields of request structs:
//
//	&clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Monday)}
func Ptr[T any](v T) *T { return &v }

// Weekday is a day of the week as Clockify spells it ("MONDAY" .. "SUNDAY"). It is used for
// a member's week start and, through WeekdaySet, for working days.
type Weekday string

// The days of the week, as Clockify spells them.
const (
	Monday    Weekday = "MONDAY"
	Tuesday   Weekday = "TUESDAY"
	Wednesday Weekday = "WEDNESDAY"
	Thursday  Weekday = "THURSDAY"
	Friday    Weekday = "FRIDAY"
	Saturday  Weekday = "SATURDAY"
	Sunday    Weekday = "SUNDAY"
)

// weekdays is Monday-first, the order Clockify's UI and WeekdaySet use.
var weekdays = [7]Weekday{Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday}

// index returns d's Monday-first position, or -1 for an unknown value.
func (d Weekday) index() int {
	for i, w := range weekdays {
		if w == d {
			return i
		}
	}
	return -1
}

// Valid reports whether d is one of the seven days Clockify knows.
func (d Weekday) Valid() bool { return d.index() >= 0 }

// Time converts d to a time.Weekday. It returns an error for a value that is not a day.
func (d Weekday) Time() (time.Weekday, error) {
	i := d.index()
	if i < 0 {
		return 0, fmt.Errorf("clockify: unknown weekday %q", string(d))
	}
	return time.Weekday((i + 1) % 7), nil
}

// WeekdayOf converts a time.Weekday to Clockify's spelling.
func WeekdayOf(d time.Weekday) Weekday { return weekdays[(int(d)+6)%7] }

// MarshalJSON refuses a value that is not a day, so a typo is never sent.
func (d Weekday) MarshalJSON() ([]byte, error) {
	if !d.Valid() {
		return nil, &ValidationError{Field: "weekday", Reason: fmt.Sprintf("unknown weekday %q", string(d))}
	}
	return json.Marshal(string(d))
}

// UnmarshalJSON accepts the seven days; null and "" leave the zero value (Clockify sends them
// for settings never filled in); anything else is an error.
func (d *Weekday) UnmarshalJSON(b []byte) error {
	s, null, err := decodeString(b, "weekday")
	if null || err != nil {
		return err
	}
	if s == "" {
		*d = ""
		return nil
	}
	w := Weekday(s)
	if !w.Valid() {
		return fmt.Errorf("clockify: unknown weekday %q", s)
	}
	*d = w
	return nil
}

// decodeString reads a JSON string for the named field; null reports null and no error.
func decodeString(b []byte, field string) (s string, null bool, err error) {
	if string(b) == "null" {
		return "", true, nil
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return "", false, fmt.Errorf("clockify: %s: %w", field, err)
	}
	return s, false, nil
}

// WeekdaySet is a set of days, such as a member's working days. The zero value is the empty
// set. On the wire it is a JSON array, written Monday-first; Clockify sends it unordered.
type WeekdaySet uint8

// invalidDay marks a set built from a value that is not a day, so the mistake surfaces as a
// validation error before any request instead of the day being silently dropped.
const invalidDay WeekdaySet = 1 << 7

// Common sets of working days.
const (
	// Weekdays is Monday to Friday.
	Weekdays WeekdaySet = 0b0011111
	// AllDays is Monday to Sunday.
	AllDays WeekdaySet = 0b1111111
)

// NewWeekdaySet returns the set of the given days. A value that is not a day makes the set
// invalid (Valid reports false and encoding it fails) rather than being dropped.
func NewWeekdaySet(days ...Weekday) WeekdaySet {
	var s WeekdaySet
	for _, d := range days {
		s = s.With(d)
	}
	return s
}

// With returns s plus d.
func (s WeekdaySet) With(d Weekday) WeekdaySet {
	i := d.index()
	if i < 0 {
		return s | invalidDay
	}
	return s | 1<<i
}

// Without returns s minus d.
func (s WeekdaySet) Without(d Weekday) WeekdaySet {
	if i := d.index(); i >= 0 {
		return s &^ (1 << i)
	}
	return s
}

// Has reports whether d is in s.
func (s WeekdaySet) Has(d Weekday) bool {
	i := d.index()
	return i >= 0 && s&(1<<i) != 0
}

// Len is the number of days in s.
func (s WeekdaySet) Len() int {
	n := 0
	for i := range weekdays {
		if s&(1<<i) != 0 {
			n++
		}
	}
	return n
}

// Valid reports whether s was built only from real days.
func (s WeekdaySet) Valid() bool { return s&invalidDay == 0 }

// Days returns the days in s, Monday first.
func (s WeekdaySet) Days() []Weekday {
	days := make([]Weekday, 0, 7)
	for i, d := range weekdays {
		if s&(1<<i) != 0 {
			days = append(days, d)
		}
	}
	return days
}

// String lists the days Monday-first, e.g. "MONDAY,TUESDAY"; the empty set is "".
func (s WeekdaySet) String() string {
	var b strings.Builder
	for _, d := range s.Days() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(string(d))
	}
	if !s.Valid() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString("INVALID")
	}
	return b.String()
}

// MarshalJSON writes a JSON array, Monday first. An invalid set is an error.
func (s WeekdaySet) MarshalJSON() ([]byte, error) {
	if !s.Valid() {
		return nil, &ValidationError{Field: "workingDays", Reason: "contains a value that is not a weekday"}
	}
	b := make([]byte, 0, 80)
	b = append(b, '[')
	for i, d := range s.Days() {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, d...)
		b = append(b, '"')
	}
	return append(b, ']'), nil
}

// UnmarshalJSON accepts a JSON array of days in any order, and also the JSON-string-encoded
// array that Clockify's own spec example shows ("[\"MONDAY\",\"TUESDAY\"]"). Unknown days are
// an error; null leaves s unchanged.
func (s *WeekdaySet) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var inner string
		if err := json.Unmarshal(b, &inner); err != nil {
			return fmt.Errorf("clockify: working days: %w", err)
		}
		inner = strings.TrimSpace(inner)
		if inner == "" {
			*s = 0
			return nil
		}
		if !strings.HasPrefix(inner, "[") {
			// A single day, as the spec's type (one enum string) would have it.
			inner = strconv.Quote(inner)
			inner = "[" + inner + "]"
		}
		b = []byte(inner)
	}
	var days []string
	if err := json.Unmarshal(b, &days); err != nil {
		return fmt.Errorf("clockify: working days: %w", err)
	}
	var set WeekdaySet
	for _, d := range days {
		i := Weekday(d).index()
		if i < 0 {
			return fmt.Errorf("clockify: working days: unknown weekday %q", d)
		}
		set |= 1 << i
	}
	*s = set
	return nil
}

// Duration is a length of time that travels as an ISO-8601 duration, as Clockify writes a
// member's daily work capacity ("PT7H", "PT7H30M"). It converts freely to time.Duration.
type Duration time.Duration

// Hours returns a Duration of h hours, rounded to the nanosecond: Hours(7.5) is PT7H30M.
func Hours(h float64) Duration { return Duration(math.Round(h * float64(time.Hour))) }

// Std returns d as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }

// Hours returns d in hours.
func (d Duration) Hours() float64 { return time.Duration(d).Hours() }

// String returns d in canonical ISO-8601 form with hours as the largest unit: "PT0S", "PT7H",
// "PT7H30M", "PT26H", "PT0.5S". A negative d (which ParseDuration never returns) is written
// with a leading "-".
func (d Duration) String() string {
	if d == 0 {
		return "PT0S"
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
	// Exact arithmetic: float64 loses nanoseconds beyond 2^53 ns (about 104 days), which broke
	// ParseDuration(d.String()) == d.
	total := new(big.Rat)
	inTime := false
	components := 0
	lastOrder := -1
	sawFraction := false
	for rest != "" {
		if rest[0] == 'T' || rest[0] == 't' {
			if inTime {
				return bad("T appears twice")
			}
			inTime = true
			rest = rest[1:]
			if rest == "" {
				return bad("no time components after T")
			}
			continue
		}
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.' || rest[i] == ',') {
			i++
		}
		if i == 0 {
			if rest[0] == '-' {
				return bad("negative durations are not allowed")
			}
			return bad(fmt.Sprintf("expected a number at %q", rest))
		}
		if i == len(rest) {
			return bad("number without a unit")
		}
		if i > maxDurationDigits {
			return bad(fmt.Sprintf("number %.10s… is too long", rest))
		}
		num := strings.Replace(rest[:i], ",", ".", 1)
		if strings.Count(num, ".") > 1 || num[0] == '.' || num[len(num)-1] == '.' {
			return bad(fmt.Sprintf("malformed number %q", rest[:i]))
		}
		v, ok := new(big.Rat).SetString(num) // num is digits with at most one '.', so exact
		if !ok {
			return bad(fmt.Sprintf("malformed number %q", rest[:i]))
		}
		if sawFraction {
			return bad("only the last component may have a fraction")
		}
		sawFraction = strings.Contains(num, ".")
		unit := rest[i]
		rest = rest[i+1:]
		var scale time.Duration
		var order int
		switch {
		case !inTime && (unit == 'W' || unit == 'w'):
			scale, order = 7*24*time.Hour, 0
		case !inTime && (unit == 'D' || unit == 'd'):
			scale, order = 24*time.Hour, 1
		case !inTime && (unit == 'Y' || unit == 'y' || unit == 'M' || unit == 'm'):
			return bad("years and months have no fixed length")
		case inTime && (unit == 'H' || unit == 'h'):
			scale, order = time.Hour, 2
		case inTime && (unit == 'M' || unit == 'm'):
			scale, order = time.Minute, 3
		case inTime && (unit == 'S' || unit == 's'):
			scale, order = time.Second, 4
		default:
			return bad(fmt.Sprintf("unexpected unit %q", string(unit)))
		}
		if order <= lastOrder {
			return bad("components out of order or repeated")
		}
		lastOrder = order
		components++
		total.Add(total, v.Mul(v, new(big.Rat).SetInt64(int64(scale))))
		if total.Cmp(maxDurationRat) > 0 {
			return bad("too long")
		}
	}
	if components == 0 {
		return bad("no components")
	}
	// Round half up to the nanosecond: floor((2·num + den) / (2·den)).
	num, den := total.Num(), total.Denom()
	n := new(big.Int).Lsh(num, 1)
	n.Add(n, den)
	n.Quo(n, new(big.Int).Lsh(den, 1))
	if !n.IsInt64() {
		return bad("too long")
	}
	return Duration(n.Int64()), nil
}

var maxDurationRat = new(big.Rat).SetInt64(math.MaxInt64)

// maxDurationDigits bounds one component's number: 19 integer digits reach the longest
// Duration, and nine decimals are a nanosecond; anything longer is not a real duration.
const maxDurationDigits = 32

// MarshalJSON writes d as an ISO-8601 string. A negative d is an error.
func (d Duration) MarshalJSON() ([]byte, error) {
	if d < 0 {
		return nil, &ValidationError{Field: "duration", Reason: "must not be negative"}
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads an ISO-8601 string; null and "" leave the zero value.
func (d *Duration) UnmarshalJSON(b []byte) error {
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

// Money is an amount in minor units (cents) as Clockify stores rates: 20000 USD is 200.00 USD.
type Money struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency,omitempty"`
}

// Role is a role a member holds in a workspace.
type Role string

// Roles. OWNER can be filtered on but never assigned.
const (
	RoleOwner          Role = "OWNER"
	RoleWorkspaceAdmin Role = "WORKSPACE_ADMIN"
	RoleTeamManager    Role = "TEAM_MANAGER"
	RoleProjectManager Role = "PROJECT_MANAGER"
)

// Valid reports whether r is a role Clockify knows.
func (r Role) Valid() bool {
	switch r {
	case RoleOwner, RoleWorkspaceAdmin, RoleTeamManager, RoleProjectManager:
		return true
	}
	return false
}

// MembershipStatus is the state of a membership: invited, active, declined or deactivated.
type MembershipStatus string

// Membership statuses. MembershipAll is only a filter value.
const (
	MembershipPending  MembershipStatus = "PENDING"
	MembershipActive   MembershipStatus = "ACTIVE"
	MembershipDeclined MembershipStatus = "DECLINED"
	MembershipInactive MembershipStatus = "INACTIVE"
	MembershipAll      MembershipStatus = "ALL"
)

// Valid reports whether s is a status Clockify knows.
func (s MembershipStatus) Valid() bool {
	switch s {
	case MembershipPending, MembershipActive, MembershipDeclined, MembershipInactive, MembershipAll:
		return true
	}
	return false
}

// AccountStatus is the state of a user's account (not of a workspace membership). It is an
// open set: values Clockify adds later decode as they are.
type AccountStatus string

// Account statuses Clockify documents.
const (
	AccountActive                   AccountStatus = "ACTIVE"
	AccountPendingEmailVerification AccountStatus = "PENDING_EMAIL_VERIFICATION"
	AccountDeleted                  AccountStatus = "DELETED"
	AccountNotRegistered            AccountStatus = "NOT_REGISTERED"
	AccountLimited                  AccountStatus = "LIMITED"
	AccountLimitedDeleted           AccountStatus = "LIMITED_DELETED"
)

// Valid reports whether s is a documented account status (used to check filters).
func (s AccountStatus) Valid() bool {
	switch s {
	case AccountActive, AccountPendingEmailVerification, AccountDeleted, AccountNotRegistered,
		AccountLimited, AccountLimitedDeleted:
		return true
	}
	return false
}

// MembershipType says what a membership is of: the workspace, a project or a user group.
type MembershipType string

// Membership types.
const (
	MembershipTypeWorkspace MembershipType = "WORKSPACE"
	MembershipTypeProject   MembershipType = "PROJECT"
	MembershipTypeUserGroup MembershipType = "USERGROUP"
)

// SortColumn orders member lists.
type SortColumn string

// Sort columns; Clockify's default is SortByEmail.
const (
	SortByID            SortColumn = "ID"
	SortByEmail         SortColumn = "EMAIL"
	SortByName          SortColumn = "NAME"
	SortByNameLowercase SortColumn = "NAME_LOWERCASE"
	SortByAccess        SortColumn = "ACCESS"
	SortByHourlyRate    SortColumn = "HOURLYRATE"
	SortByCostRate      SortColumn = "COSTRATE"
)

// Valid reports whether c is a column Clockify sorts by.
func (c SortColumn) Valid() bool {
	switch c {
	case SortByID, SortByEmail, SortByName, SortByNameLowercase, SortByAccess, SortByHourlyRate, SortByCostRate:
		return true
	}
	return false
}

// SortOrder is ascending or descending.
type SortOrder string

// Sort orders; Clockify's default is Ascending.
const (
	Ascending  SortOrder = "ASCENDING"
	Descending SortOrder = "DESCENDING"
)

// Valid reports whether o is a sort order Clockify knows.
func (o SortOrder) Valid() bool { return o == Ascending || o == Descending }

// MembershipsInclude selects which memberships a member list carries on each user.
type MembershipsInclude string

// Membership inclusion options; Clockify's default is IncludeNoMemberships.
const (
	IncludeAllMemberships       MembershipsInclude = "ALL"
	IncludeNoMemberships        MembershipsInclude = "NONE"
	IncludeWorkspaceMemberships MembershipsInclude = "WORKSPACE"
	IncludeProjectMemberships   MembershipsInclude = "PROJECT"
	IncludeUserGroupMemberships MembershipsInclude = "USERGROUP"
)

// Valid reports whether m is an inclusion option Clockify knows.
func (m MembershipsInclude) Valid() bool {
	switch m {
	case IncludeAllMemberships, IncludeNoMemberships, IncludeWorkspaceMemberships,
		IncludeProjectMemberships, IncludeUserGroupMemberships:
		return true
	}
	return false
}

// CustomFieldType is the kind of a custom field. It is an open set.
type CustomFieldType string

// Custom field types Clockify documents.
const (
	CustomFieldText             CustomFieldType = "TXT"
	CustomFieldNumber           CustomFieldType = "NUMBER"
	CustomFieldDropdownSingle   CustomFieldType = "DROPDOWN_SINGLE"
	CustomFieldDropdownMultiple CustomFieldType = "DROPDOWN_MULTIPLE"
	CustomFieldCheckbox         CustomFieldType = "CHECKBOX"
	CustomFieldLink             CustomFieldType = "LINK"
)

// User is a Clockify user as the member lists, the filter and GET /v1/user return it.
// Name may be empty (Clockify sends null for members who never finished sign-up), and
// Settings is nil for them.
type User struct {
	ID               string             `json:"id"`
	Email            string             `json:"email"`
	Name             string             `json:"name"`
	ProfilePicture   string             `json:"profilePicture"`
	ActiveWorkspace  string             `json:"activeWorkspace"`
	DefaultWorkspace string             `json:"defaultWorkspace"`
	Status           AccountStatus      `json:"status"`
	Memberships      []Membership       `json:"memberships"`
	Settings         *UserSettings      `json:"settings"`
	CustomFields     []CustomFieldValue `json:"customFields"`
	// Roles holds the role details Clockify adds when a list asks for include-roles. Clockify
	// does not document their shape, so they are kept raw; RoleGrants decodes the known one.
	Roles []json.RawMessage `json:"roles,omitempty"`
}

// Membership returns u's membership of the workspace (or project or group) with the given id.
func (u *User) Membership(targetID string) (Membership, bool) {
	for _, m := range u.Memberships {
		if m.TargetID == targetID {
			return m, true
		}
	}
	return Membership{}, false
}

// RoleGrants decodes the Roles that Clockify attached with include-roles, skipping entries of a
// shape it does not recognise (Clockify documents none).
func (u *User) RoleGrants() []RoleGrant {
	var out []RoleGrant
	for _, raw := range u.Roles {
		var g RoleGrant
		if json.Unmarshal(raw, &g) == nil && g.Role != "" {
			if g.UserID == "" {
				g.UserID = u.ID
			}
			out = append(out, g)
		}
	}
	return out
}

// Membership is a user's membership of a workspace, project or user group, with its rates.
// HourlyRate and CostRate are nil when unset.
type Membership struct {
	UserID           string           `json:"userId"`
	TargetID         string           `json:"targetId"`
	MembershipType   MembershipType   `json:"membershipType"`
	MembershipStatus MembershipStatus `json:"membershipStatus"`
	HourlyRate       *Money           `json:"hourlyRate"`
	CostRate         *Money           `json:"costRate"`
}

// UserSettings are a user's personal settings. Only the commonly used ones are typed.
type UserSettings struct {
	WeekStart    Weekday `json:"weekStart"`
	TimeZone     string  `json:"timeZone"`
	TimeFormat   string  `json:"timeFormat"`
	DateFormat   string  `json:"dateFormat"`
	Lang         string  `json:"lang,omitempty"`
	Theme        string  `json:"theme,omitempty"`
	MyStartOfDay string  `json:"myStartOfDay,omitempty"`
}

// Workspace is a workspace as Clockify returns it, including from member mutations (invite,
// status and rate changes answer with the whole workspace, not the user).
type Workspace struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	ImageURL    string       `json:"imageUrl"`
	Memberships []Membership `json:"memberships"`
	HourlyRate  *Money       `json:"hourlyRate"`
	CostRate    *Money       `json:"costRate"`
	// FeatureSubscriptionType is the plan, e.g. "FREE" or "STANDARD_2021"; nil on old workspaces.
	FeatureSubscriptionType *string `json:"featureSubscriptionType"`
	// Features lists the workspace's feature flags; Clockify returns values its spec omits.
	Features           []string        `json:"features"`
	CakeOrganizationID string          `json:"cakeOrganizationId,omitempty"`
	Subdomain          *Subdomain      `json:"subdomain,omitempty"`
	WorkspaceSettings  json.RawMessage `json:"workspaceSettings,omitempty"`
}

// Subdomain is a workspace's own subdomain, if it has one.
type Subdomain struct {
	Name    *string `json:"name"`
	Enabled bool    `json:"enabled"`
}

// HasFeature reports whether the workspace has the feature flag f (e.g. "EDIT_MEMBER_PROFILE").
func (w *Workspace) HasFeature(f string) bool {
	for _, x := range w.Features {
		if x == f {
			return true
		}
	}
	return false
}

// Plan returns the workspace's subscription type, or "" when Clockify sent none.
func (w *Workspace) Plan() string {
	if w.FeatureSubscriptionType == nil {
		return ""
	}
	return *w.FeatureSubscriptionType
}

// Membership returns the workspace membership of userID, if Clockify included it.
func (w *Workspace) Membership(userID string) (Membership, bool) {
	var found Membership
	ok := false
	for _, m := range w.Memberships {
		if m.UserID != userID {
			continue
		}
		// Prefer the membership of the workspace itself over any project or group one.
		if m.MembershipType == MembershipTypeWorkspace && (w.ID == "" || m.TargetID == w.ID) {
			return m, true
		}
		if !ok && (m.MembershipType == "" || m.MembershipType == MembershipTypeWorkspace) {
			found, ok = m, true
		}
	}
	return found, ok
}

// UnmarshalJSON decodes a workspace, reading featureSubscriptionType as the plain string (or
// null) Clockify sends; an object, the shape one version of Clockify's spec declares, is
// ignored rather than failing every call that returns a workspace.
func (w *Workspace) UnmarshalJSON(b []byte) error {
	type plain Workspace
	var v struct {
		plain
		FeatureSubscriptionType json.RawMessage `json:"featureSubscriptionType"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*w = Workspace(v.plain)
	w.FeatureSubscriptionType = nil
	var plan string
	if raw := bytes.TrimSpace(v.FeatureSubscriptionType); len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &plan) == nil {
		w.FeatureSubscriptionType = &plan
	}
	return nil
}

// CustomFieldValue is a user's value of a custom field. Clockify uses two shapes for it (on
// users and from the value upsert: customFieldName/customFieldType; on member profiles:
// name/type/sourceType with the field's definition embedded); both decode into this type.
type CustomFieldValue struct {
	CustomFieldID string          `json:"customFieldId"`
	Name          string          `json:"customFieldName,omitempty"`
	Type          CustomFieldType `json:"customFieldType,omitempty"`
	UserID        string          `json:"userId,omitempty"`
	// SourceType is "WORKSPACE" (a default) or "USER" (set on the user); profiles only.
	SourceType string `json:"sourceType,omitempty"`
	// Value is the raw JSON value: a string, number, bool or list by field type.
	Value json.RawMessage `json:"value,omitempty"`
	// CustomField is the field's definition; profiles only.
	CustomField *CustomField `json:"customField,omitempty"`
}

// UnmarshalJSON accepts both of Clockify's shapes.
func (v *CustomFieldValue) UnmarshalJSON(b []byte) error {
	type plain CustomFieldValue
	var w struct {
		plain
		AltName string          `json:"name"`
		AltType CustomFieldType `json:"type"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*v = CustomFieldValue(w.plain)
	if v.Name == "" {
		v.Name = w.AltName
	}
	if v.Type == "" {
		v.Type = w.AltType
	}
	return nil
}

// CustomField is the definition of a custom field.
type CustomField struct {
	ID                    string          `json:"id"`
	Name                  string          `json:"name"`
	Type                  CustomFieldType `json:"type"`
	EntityType            string          `json:"entityType,omitempty"`
	Status                string          `json:"status,omitempty"`
	Required              bool            `json:"required"`
	OnlyAdminCanEdit      bool            `json:"onlyAdminCanEdit"`
	AllowedValues         []string        `json:"allowedValues,omitempty"`
	Placeholder           string          `json:"placeholder,omitempty"`
	Description           string          `json:"description,omitempty"`
	WorkspaceID           string          `json:"workspaceId,omitempty"`
	WorkspaceDefaultValue json.RawMessage `json:"workspaceDefaultValue,omitempty"`
}

// CustomFieldUpsert sets one custom field's value in a profile update or a new limited member.
type CustomFieldUpsert struct {
	CustomFieldID string `json:"customFieldId"`
	Value         any    `json:"value"`
}
