/** The English strings of the `image` namespace (src/i18n/image.ts). */
const en = {
  theFile: 'The file',
  theSample: (name: string) => `The sample “${name}”`,
  imageTooLarge: (name: string, mb: string) => `${name} is ${mb} MB; images up to 20 MB can be used.`,
  imageNotImage: (name: string, type: string) => `${name} is not an image (${type}). Use a PNG, JPEG, GIF, WebP or BMP file.`,
  imageUnreadable: (name: string) =>
    `${name} could not be read as an image: it may be damaged or in a format this browser cannot decode. Try a PNG or JPEG.`,
  sampleFailed: (name: string, status: string) => `The sample image “${name}” could not be loaded (${status}).`,
};

export default en;
