/** Luhn (mod 10) check, as used for the 15th digit of an IMEI. */
export function hasValidLuhnCheckDigit(digits: string): boolean {
	let sum = 0;
	for (let index = 0; index < digits.length; index++) {
		let digit = Number(digits[digits.length - 1 - index]);
		if (index % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

/** GS1 check digit of an EAN-8 or EAN-13 (weights 3 and 1 from the right, check digit excluded). */
export function hasValidGtinCheckDigit(digits: string): boolean {
	const body = digits.slice(0, -1);
	let sum = 0;
	for (let index = 0; index < body.length; index++) {
		const weight = index % 2 === 0 ? 3 : 1;
		sum += Number(body[body.length - 1 - index]) * weight;
	}
	return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

export function isImei(value: string): boolean {
	return /^\d{15}$/.test(value) && hasValidLuhnCheckDigit(value);
}

export function isEan(value: string): boolean {
	return /^(\d{8}|\d{13})$/.test(value) && hasValidGtinCheckDigit(value);
}
