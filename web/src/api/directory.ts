// Users and teams, for owner pickers and for showing names instead of ids.
import { request } from './client';
import type { Page, Team, User } from './types';

export const listUsers = () => request<Page<User>>('GET', '/api/users?page_size=500');

export const listTeams = () => request<Page<Team>>('GET', '/api/teams?page_size=500');
