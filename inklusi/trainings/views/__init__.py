"""The training pages, one module per face: the events (`events`), their agenda and
materials (`sessions`), who takes part (`participants`), checking in and attendance
(`attendance`), the tests and feedback (`assessment`) and the certificates (`certificates`).
The rules they apply live in `inklusi.trainings.services`; `fetch` gets objects within them."""
