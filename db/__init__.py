"""The records core of OpenUp Desk: model, use cases and queries, with no Qt anywhere below."""
