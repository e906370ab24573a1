/**
 * A node's canvas subtitle: the chosen operation's and resource's names ("Update: Barring"), not
 * their values. n8n's editor looks an operation's name up only in a node's first Operation list,
 * so a node with several resources names them itself, from the one list of its operations.
 */
export function operationSubtitle(
	resources: Array<{ name: string; value: string; operations: Array<{ name: string; value: string }> }>,
): string {
	// One flat table keyed "resource:operation" (operation values repeat across resources): a nested
	// object literal would close the expression early at its "}}".
	const operationNames = Object.fromEntries(
		resources.flatMap(({ value, operations }) => operations.map((operation) => [`${value}:${operation.value}`, operation.name])),
	);
	const resourceNames = Object.fromEntries(resources.map(({ name, value }) => [value, name]));
	return `={{ ${JSON.stringify(operationNames)}[$parameter["resource"] + ":" + $parameter["operation"]] + ": " + ${JSON.stringify(resourceNames)}[$parameter["resource"]] }}`;
}
