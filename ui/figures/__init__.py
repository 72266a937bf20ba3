"""Page-specific figure builders (pure: data in, Plotly figure out; labels come in as arguments)."""
