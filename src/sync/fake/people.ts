/** One team, seen from every provider's fake: the same people file issues, review code and chat. */
export interface Person {
  /** GitHub login and Slack handle. */
  login: string;
  name: string;
  email: string;
}

const names = [
  'Maria Chen', 'Dawid Kowalski', 'Samir Haddad', 'Aiko Tanaka', 'Lucas Oliveira', 'Priya Raman', 'Tom Becker',
  'Nadia Petrova', 'Kwame Mensah', 'Elena Rossi', 'Jonas Lindqvist', 'Fatima Zahra', 'Hiro Watanabe', 'Grace Okafor',
  'Mateo Fernández', 'Sophie Martin', 'Arjun Mehta', 'Ingrid Berg', 'Omar Farouk', 'Chloé Dubois', 'Liam O\'Connor',
  'Yuki Sato', 'Ana Costa', 'Ben Goldberg', 'Leila Karimi', 'Noah Williams', 'Mei Lin', 'Pavel Novak', 'Zoe Adams',
  'Rafael Souza',
];

export const people: readonly Person[] = names.map((name) => {
  const [first, ...rest] = name.normalize('NFKD').replace(/[\u0300-\u036f']/g, '').toLowerCase().split(' ');
  const last = rest.join('');
  return { name, login: `${first}-${last}`, email: `${first}.${last}@acme.dev` };
});
