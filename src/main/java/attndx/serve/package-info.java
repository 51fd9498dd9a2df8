/**
 * Deployment (seed sections 3.1, 7.8, 9.4, 10.1-10.3): {@code attndx predict} for triage and second read, and
 * {@code attndx serve}, an HTTP API with a clinician-facing web viewer.
 *
 * <p>{@link attndx.serve.DiagnosisService} is the one path from an image to a {@link attndx.serve.StudyResult}:
 * the model's own preprocessing, quality control, calibrated probabilities, the refer flag from the stored
 * abstention threshold, the triage priority at the stored operating point, the energy shift flag and the
 * explanation map (the model's attention, or Grad-CAM, serialised since only one gradient collector may be open
 * in a process). {@link attndx.serve.PredictRun} runs it over files; {@link attndx.serve.ApiServer} over HTTP
 * uploads ({@link attndx.serve.UploadDecoder} checks them), with bounded concurrency
 * ({@link attndx.serve.InferencePool}: one runner per worker, a bounded queue, 503 beyond it). The viewer is
 * plain HTML/CSS/JS under {@code src/main/resources/attndx/serve/web}.
 */
package attndx.serve;
