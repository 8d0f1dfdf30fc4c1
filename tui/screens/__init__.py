"""The top-level screens, one per module: Today, Waiting room, Advocates, Network, Pipeline."""
