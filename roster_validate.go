package clockify

import (
	"fmt"
	"strings"
)

// validateSpecs refuses a roster Clockify could not be matched to, before any request: a spec
// without its key or with both, a key given twice, an unknown status, a bad profile, role,
// group or rate.
func validateSpecs(workspaceID string, specs []MemberSpec) error {
	emails := make(map[string]int, len(specs))
	names := map[string]int{}
	for i := range specs {
		sp := &specs[i]
		field := func(name string) string { return fmt.Sprintf("specs[%d].%s", i, name) }
		if err := sp.validateKey(field); err != nil {
			return err
		}
		if sp.Limited {
			if j, ok := names[sp.Name]; ok {
				return &ValidationError{Field: field("Name"), Reason: fmt.Sprintf("limited member %q is also specs[%d]", sp.Name, j)}
			}
			names[sp.Name] = i
		} else {
			key := strings.ToLower(sp.Email)
			if j, ok := emails[key]; ok {
				return &ValidationError{Field: field("Email"), Reason: fmt.Sprintf("%q is also specs[%d]", sp.Email, j)}
			}
			emails[key] = i
		}
		if err := sp.validateFields(workspaceID, field); err != nil {
			return err
		}
	}
	return nil
}

func (sp *MemberSpec) validateKey(field func(string) string) error {
	if !sp.Limited {
		if sp.Name != "" {
			return &ValidationError{Field: field("Name"), Reason: "a full member is keyed by Email alone; Name is for limited members (full members set their name on CAKE.com)"}
		}
		if err := validateEmail(sp.Email); err != nil {
			return &ValidationError{Field: field("Email"), Reason: err.(*ValidationError).Reason}
		}
		return nil
	}
	if sp.Email != "" {
		return &ValidationError{Field: field("Email"), Reason: "a limited member has no email; it is keyed by Name"}
	}
	if err := validateName(field("Name"), sp.Name); err != nil {
		return err
	}
	if strings.TrimSpace(sp.Name) != sp.Name {
		// The name is the key, compared exactly; spaces are a copy-and-paste slip.
		return &ValidationError{Field: field("Name"), Reason: fmt.Sprintf("%q has leading or trailing spaces", sp.Name)}
	}
	return nil
}

func (sp *MemberSpec) validateFields(workspaceID string, field func(string) string) error {
	switch sp.Status {
	case "", MembershipActive, MembershipInactive:
	default:
		return &ValidationError{Field: field("Status"), Reason: fmt.Sprintf("%q is not ACTIVE, INACTIVE or empty (leave as is)", sp.Status)}
	}
	if p := sp.Profile; p != nil && p.setsAnything() {
		if p.Name != nil {
			return &ValidationError{Field: field("Profile.Name"), Reason: "cannot be managed by a roster: a limited member's name is its key, and full members set theirs on CAKE.com"}
		}
		if err := p.validate(); err != nil {
			ve := err.(*ValidationError)
			return &ValidationError{Field: field("Profile." + ve.Field), Reason: ve.Reason}
		}
	}
	seen := map[RoleAssignment]bool{}
	for j, a := range sp.Roles {
		if err := a.validate(workspaceID); err != nil {
			ve := err.(*ValidationError)
			return &ValidationError{Field: field(fmt.Sprintf("Roles[%d]", j)), Reason: ve.Field + " " + ve.Reason}
		}
		if seen[a] {
			return &ValidationError{Field: field(fmt.Sprintf("Roles[%d]", j)), Reason: fmt.Sprintf("%s is listed twice", a)}
		}
		seen[a] = true
	}
	groups := map[string]bool{}
	for j, g := range sp.Groups {
		switch {
		case strings.TrimSpace(g) == "":
			return &ValidationError{Field: field(fmt.Sprintf("Groups[%d]", j)), Reason: "must not be empty"}
		case groups[g]:
			return &ValidationError{Field: field(fmt.Sprintf("Groups[%d]", j)), Reason: fmt.Sprintf("group %q is listed twice", g)}
		}
		groups[g] = true
	}
	if err := validateAmount(field("HourlyRate"), sp.HourlyRate); err != nil {
		return err
	}
	return validateAmount(field("CostRate"), sp.CostRate)
}

func (o *RosterOptions) validate() error {
	if o.PageSize < 0 || o.PageSize > MaxPageSize {
		return &ValidationError{Field: "RosterOptions.PageSize", Reason: fmt.Sprintf("must be between 1 and %d (0 for the default)", MaxPageSize)}
	}
	return nil
}
