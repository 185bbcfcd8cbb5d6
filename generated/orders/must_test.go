package orders_test

// must returns the pipeline of a NewPipeline call whose handlers are all set.
func must[P any](p P, err error) P {
	if err != nil {
		panic(err)
	}
	return p
}
