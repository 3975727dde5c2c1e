// Users and teams of the company, cached, for pickers and for turning ids into names.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listTeams, listUsers } from '../../api/directory';
import type { Team, User } from '../../api/types';

const fiveMinutes = 5 * 60 * 1000;

export interface Directory {
  users: User[];
  teams: Team[];
  userName: (id: number) => string;
  teamName: (id: number) => string;
  /** Active users as options of an owner picker. */
  ownerOptions: { value: number; label: string }[];
}

export function useDirectory(): Directory {
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers, staleTime: fiveMinutes });
  const teams = useQuery({ queryKey: ['teams'], queryFn: listTeams, staleTime: fiveMinutes });
  return useMemo(() => {
    const userItems = users.data?.items ?? [];
    const teamItems = teams.data?.items ?? [];
    const usersById = new Map(userItems.map((user) => [user.id, user]));
    const teamsById = new Map(teamItems.map((team) => [team.id, team]));
    return {
      users: userItems,
      teams: teamItems,
      userName: (id) => {
        const user = usersById.get(id);
        return user ? user.full_name || user.username : `#${id}`;
      },
      teamName: (id) => teamsById.get(id)?.name ?? `#${id}`,
      ownerOptions: userItems
        .filter((user) => user.active)
        .map((user) => ({ value: user.id, label: user.full_name || user.username })),
    };
  }, [users.data, teams.data]);
}
