VALUE = "sibling-value"
