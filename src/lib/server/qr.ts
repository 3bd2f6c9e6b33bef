import QRCode from 'qrcode';

/**
 * A QR code as an SVG document, drawn on the server (the `qrcode` package): no script, no image
 * request, prints sharp. Middle error correction survives a scuffed tablet screen or print.
 */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
}
