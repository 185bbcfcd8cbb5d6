// Package fwnats connects fw pipelines to NATS JetStream.
package fwnats
