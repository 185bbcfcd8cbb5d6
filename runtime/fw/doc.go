// Package fw is what applications of fw use besides the code that fwgen
// generates for their .fw files: the options of a run (WithWorkers,
// WithArchive, ...), its Stats, the errors it returns, the reading of event
// input lines, and a harness that calls one handler case without a pipeline.
//
// A generated package's NewPipeline takes Options and its Pipeline returns
// Stats; the engine behind it is internal. Generated code itself links against
// package fwimpl, which carries no compatibility promise to users.
package fw
