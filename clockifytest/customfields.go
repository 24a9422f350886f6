package clockifytest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
)

// customFieldUpsert is UpsertUserCustomFieldRequest, one value in a profile
// update or a new limited member.
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

func parseCustomFieldValue(c *call) (json.RawMessage, *apiError) {
	var req struct {
		Value json.RawMessage `json:"value"`
	}
	err := c.decode(&req, sig("UserCustomFieldValueDtoV1", "user.UserHttpAdapter", "upsertUserCustomFieldValue", "UpsertUserCustomFieldRequestV1"))
	return req.Value, err
}

// upsertCustomFieldValue serves
// PUT /v1/workspaces/{workspaceId}/users/{userId}/custom-field/{customFieldId}/value → 201.
// Admins set anyone's value; members set their own unless the field is
// onlyAdminCanEdit. Needs USER_CUSTOM_FIELDS.
// https://docs.clockify.me/#tag/User/operation/upsertUserCustomFieldValue
func (s *Server) upsertCustomFieldValue(c *call, value json.RawMessage) (int, any, *apiError) {
	if !c.ws.hasFeature(FeatureUserCustomFields) {
		return 0, nil, errAccessDenied
	}
	cf := c.ws.cfs[c.r.PathValue("customFieldId")]
	if cf == nil {
		return 0, nil, notFound("CustomField")
	}
	if !c.isAdmin() && (c.caller != c.target.user.id || cf.onlyAdminCanEdit) {
		return 0, nil, errAccessDenied
	}
	if err := cf.checkValue(value); err != nil {
		return 0, nil, err
	}
	c.target.storeValue(cf.id, value)
	s.st.touch()
	if len(value) == 0 {
		value = json.RawMessage("null")
	}
	return http.StatusCreated, customFieldValueDTO{CustomFieldID: cf.id, CustomFieldName: cf.name,
		CustomFieldType: cf.typ, UserID: c.target.user.id, Value: value}, nil
}
