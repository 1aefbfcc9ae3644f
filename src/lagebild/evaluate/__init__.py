"""Scoring the analysis against gold annotations in public formats."""
