package clockify

// MembersService manages a workspace's members: listing and filtering them, invitations,
// limited members, activation, rates, managers and custom-field values.
type MembersService service
