/**
 * Datasets and loaders (MedMNIST npz, image folder + CSV manifest, DICOM), the phantom
 * generator, patient-level splits, preprocessing and quality control. The bottom of the
 * data flow: it imports nothing from the other AttnDx packages except {@code attndx.core}.
 */
package attndx.data;
