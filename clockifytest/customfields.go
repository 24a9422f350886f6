package clockifytest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
)

// customFieldUpsert is UpsertUserCustomFieldRequest (inside E7 and E13 bodies).
type customFieldUpsert struct {
	CustomFieldID string          `json:"customFieldId"`
	Value         json.RawMessage `json:"value"`
}

// checkCustomFields validates upserts against ws: each field must exist
// (400 code 501 otherwise) and the value must suit its type.
func (ws *workspace) checkCustomFields(list []customFieldUpsert) *apiError {
	for _, f := range list {
		if f.CustomFieldID == "" {
			return invalidField("userCustomFields.customFieldId", "This field can't be empty")
		}
		cf := ws.cfs[f.CustomFieldID]
		if cf == nil {
			return notFound("CustomField")
		}
		if err := cf.checkValue(f.Value); err != nil {
			return err
		}
	}
	return nil
}

// checkValue accepts null or a value of the field's type; dropdown values
// must be among the allowed values.
func (cf *customField) checkValue(raw json.RawMessage) *apiError {
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return badJSON(err.Error())
	}
	allowed := func(s any) bool {
		str, ok := s.(string)
		return ok && (len(cf.allowedValues) == 0 || slices.Contains(cf.allowedValues, str))
	}
	ok := false
	switch cf.typ {
	case "NUMBER":
		_, ok = v.(float64)
	case "CHECKBOX":
		_, ok = v.(bool)
	case "DROPDOWN_SINGLE":
		ok = allowed(v)
	case "DROPDOWN_MULTIPLE":
		list, isList := v.([]any)
		ok = isList && !slices.ContainsFunc(list, func(x any) bool { return !allowed(x) })
	default: // TXT, LINK
		_, ok = v.(string)
	}
	if !ok {
		return invalidField("value", "Value is not valid for custom field "+cf.name+" of type "+cf.typ)
	}
	return nil
}

// storeValue sets (or, for null, clears) a member's value.
func (m *member) storeValue(cfID string, raw json.RawMessage) {
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		delete(m.cfValues, cfID)
		return
	}
	m.cfValues[cfID] = raw
}

// E14 PUT /v1/workspaces/{workspaceId}/users/{userId}/custom-field/{customFieldId}/value → 201
//
// Admins set anyone's value; members set their own unless the field is
// onlyAdminCanEdit. Needs USER_CUSTOM_FIELDS.
func (s *Server) upsertCustomFieldValue(c *call) (int, any, *apiError) {
	var req struct {
		Value json.RawMessage `json:"value"`
	}
	if err := c.decode(&req); err != nil {
		return 0, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws, err := c.workspace()
	if err != nil {
		return 0, nil, err
	}
	if !ws.hasFeature(FeatureUserCustomFields) {
		return 0, nil, errAccessDenied
	}
	target, err := c.target(ws, "userId")
	if err != nil {
		return 0, nil, err
	}
	cf := ws.cfs[c.r.PathValue("customFieldId")]
	if cf == nil {
		return 0, nil, notFound("CustomField")
	}
	caller := c.callerID(ws)
	if !ws.isAdmin(caller) && (caller != target.user.id || cf.onlyAdminCanEdit) {
		return 0, nil, errAccessDenied
	}
	if err := cf.checkValue(req.Value); err != nil {
		return 0, nil, err
	}
	target.storeValue(cf.id, req.Value)
	s.st.touch()
	value := req.Value
	if len(value) == 0 {
		value = json.RawMessage("null")
	}
	return http.StatusCreated, customFieldValueDTO{CustomFieldID: cf.id, CustomFieldName: cf.name,
		CustomFieldType: cf.typ, UserID: target.user.id, Value: value}, nil
}
