import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { optionalText, requiredText, sendChecked } from '../../shared/validation/valueChecks';
import type { ValueCheck } from '../../shared/validation/valueChecks';

/**
 * A text field of a MasStack body (the partner documents type them `string`): optional, so an
 * empty value is not sent, unless `check` is requiredText; never an object's or a list's text.
 */
export function bodyTextField(
	displayName: string,
	name: string,
	property: string,
	description?: string,
	check: ValueCheck<string | undefined> = optionalText,
): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, routing: sendChecked(property, displayName, check) };
}

/** A required text field of a MasStack body, shown for `show`. */
export function requiredBodyText(
	show: IDisplayOptions['show'],
	displayName: string,
	name: string,
	property: string,
	description: string,
): INodeProperties {
	return { ...bodyTextField(displayName, name, property, description, requiredText), required: true, displayOptions: { show } };
}
