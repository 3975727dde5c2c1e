// Where a target list's members are shown: the leads list, filtered by the list.
export const targetListLeadsPath = (id: number) => `/leads?target_list_id=${id}`;
