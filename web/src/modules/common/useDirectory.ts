// Users and teams of the company, cached, for pickers and for turning ids into names.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listTeams, listUsers } from '../../api/directory';
import type { Team, User } from '../../api/types';
import { useCurrentUser } from '../auth/AuthProvider';
import { leadsTeam } from '../auth/roles';

const byName = new Intl.Collator('vi');

const fiveMinutes = 5 * 60 * 1000;

const option = (user: User) => ({ value: user.id, label: user.full_name || user.username });

export interface Directory {
  users: User[];
  teams: Team[];
  userName: (id: number) => string;
  teamName: (id: number) => string;
  /** Active users as options of a picker of users. */
  ownerOptions: { value: number; label: string }[];
  /** The active users the signed-in user may give leads to (the server's CheckOwnerChange):
   * anyone for admins and marketers, themselves and their team for a manager, themselves for an agent. */
  assignableOptions: { value: number; label: string }[];
  /** Whether the signed-in user may give leads to this user, as for `assignableOptions`. */
  mayGiveTo: (id: number) => boolean;
}

export function useDirectory(): Directory {
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers, staleTime: fiveMinutes });
  const teams = useQuery({ queryKey: ['teams'], queryFn: listTeams, staleTime: fiveMinutes });
  const me = useCurrentUser();
  return useMemo(() => {
    // In Vietnamese order (Đỗ after Dương, not after Võ): the server sorts by code point.
    const userItems = [...(users.data?.items ?? [])].sort((a, b) => byName.compare(a.full_name, b.full_name));
    const teamItems = teams.data?.items ?? [];
    const usersById = new Map(userItems.map((user) => [user.id, user]));
    const teamsById = new Map(teamItems.map((team) => [team.id, team]));
    const mayGiveTo = (user: User) =>
      me.role === 'admin' || me.role === 'marketer' || user.id === me.id || leadsTeam(me, user.team_id);
    return {
      users: userItems,
      teams: teamItems,
      userName: (id) => {
        const user = usersById.get(id);
        return user ? user.full_name || user.username : `#${id}`;
      },
      teamName: (id) => teamsById.get(id)?.name ?? `#${id}`,
      ownerOptions: userItems.filter((user) => user.active).map(option),
      assignableOptions: userItems.filter((user) => user.active && mayGiveTo(user)).map(option),
      mayGiveTo: (id) => {
        const user = usersById.get(id);
        return user ? mayGiveTo(user) : me.role === 'admin';
      },
    };
  }, [users.data, teams.data, me]);
}
