// Who the sample customers are: countries, cities, names, fake contact details. Everything is
// invented: e-mail domains are example.com / example.org (reserved for documentation) and phone
// numbers come from ranges reserved for fiction (UK 07700 900xxx, North America 555-01xx).
import { Choice, type Rng } from './random.ts';

export interface City {
  name: string;
  /** Standard-time offset from UTC in hours. */
  utcOffset: number;
  /** Observes summer time (clocks +1h roughly April-October). */
  dst: boolean;
}

export interface Country {
  code: string;
  weight: number;
  cities: Choice<City>;
  first: readonly string[];
  last: readonly string[];
}

const europe = (name: string, w: number, offset = 1): readonly [City, number] => [{ name, utcOffset: offset, dst: true }, w];

const EN_FIRST = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Lily', 'Chloe', 'Hannah', 'Lucy', 'Ella',
  'Charlotte', 'Jessica', 'Sarah', 'Rachel', 'Laura', 'Emma', 'Megan', 'Zoe', 'Priya', 'Aisha', 'Fatima', 'Anna',
  'Oliver', 'George', 'Harry', 'Jack', 'Jacob', 'Noah', 'Charlie', 'Thomas', 'James', 'William', 'Daniel',
  'Samuel', 'Joseph', 'Matthew', 'David', 'Ben', 'Adam', 'Luke', 'Ryan', 'Mohammed', 'Arjun', 'Connor', 'Liam', 'Tom',
];
const EN_LAST = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson',
  'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Lewis',
  'Harris', 'Martin', 'Cooper', 'King', 'Baker', 'Turner', 'Hughes', 'Edwards', 'Hill', 'Moore', 'Clark', 'Ward',
  'Morris', 'Ahmed', 'Singh', 'Murphy', 'Kelly',
];
const IE_LAST = ['Murphy', 'Kelly', "O'Sullivan", 'Walsh', 'Byrne', 'Ryan', "O'Brien", 'Doyle', 'McCarthy', 'Gallagher', "O'Connor", 'Kennedy', 'Lynch', 'Quinn', 'Brennan', 'Burke'];
const IE_FIRST = ['Aoife', 'Ciara', 'Niamh', 'Saoirse', 'Siobhan', 'Orla', 'Sinead', 'Roisin', 'Sean', 'Conor', 'Cian', 'Darragh', 'Oisin', 'Eoin', 'Padraig', 'Fionn', 'Emma', 'Jack', 'James', 'Sarah'];
const US_FIRST = [
  'Emma', 'Olivia', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Madison', 'Abigail', 'Emily', 'Ashley', 'Jennifer', 'Megan',
  'Michael', 'Christopher', 'Matthew', 'Joshua', 'Andrew', 'Ethan', 'Tyler', 'Brandon', 'Justin', 'Kevin', 'Jason', 'Carlos',
];
const US_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Lee', 'Thompson', 'White', 'Harris', 'Nguyen', 'Kim',
];
const DE_FIRST = [
  'Anna', 'Lena', 'Laura', 'Julia', 'Sarah', 'Lea', 'Hannah', 'Sophie', 'Katharina', 'Johanna', 'Marie', 'Sabine',
  'Lukas', 'Jonas', 'Leon', 'Finn', 'Paul', 'Felix', 'Maximilian', 'Tobias', 'Jan', 'Stefan', 'Michael', 'Jürgen',
];
const DE_LAST = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch',
  'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Braun', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange',
];
const FR_FIRST = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Juliette', 'Louise', 'Sarah', 'Emma', 'Élodie', 'Claire', 'Pauline',
  'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Thomas', 'Nicolas', 'Antoine', 'Mathieu', 'Julien', 'Théo',
];
const FR_LAST = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
  'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Girard', 'Bonnet',
];
const NL_FIRST = [
  'Emma', 'Julia', 'Sophie', 'Lotte', 'Sanne', 'Fleur', 'Anouk', 'Eva', 'Iris', 'Noor', 'Femke', 'Lieke',
  'Daan', 'Sem', 'Lucas', 'Bram', 'Thijs', 'Jesse', 'Ruben', 'Lars', 'Joris', 'Pieter', 'Sander', 'Niels',
];
const NL_LAST = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer',
];
const BE_LAST = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'Dubois', 'Lambert', 'Dupont', 'Martin', 'Leclercq'];
const ES_FIRST = ['Lucía', 'María', 'Paula', 'Laura', 'Marta', 'Carmen', 'Elena', 'Sara', 'Hugo', 'Pablo', 'Daniel', 'Alejandro', 'Javier', 'Carlos', 'Diego', 'Sergio'];
const ES_LAST = ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz'];
const IT_FIRST = ['Giulia', 'Sofia', 'Martina', 'Chiara', 'Francesca', 'Alessia', 'Sara', 'Elena', 'Marco', 'Luca', 'Alessandro', 'Matteo', 'Lorenzo', 'Andrea', 'Davide', 'Federico'];
const IT_LAST = ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'Costa'];
const SE_FIRST = ['Elsa', 'Alice', 'Maja', 'Ebba', 'Wilma', 'Astrid', 'Linnea', 'Ida', 'Erik', 'Lars', 'Oskar', 'Axel', 'Nils', 'Gustav', 'Hugo', 'Viktor'];
const SE_LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Lindberg', 'Lindqvist'];

export const COUNTRIES: readonly Country[] = [
  {
    code: 'UK',
    weight: 38,
    cities: new Choice<City>([
      europe('London', 30, 0), europe('Manchester', 8, 0), europe('Birmingham', 8, 0), europe('Leeds', 5, 0),
      europe('Glasgow', 5, 0), europe('Bristol', 5, 0), europe('Edinburgh', 4, 0), europe('Liverpool', 4, 0),
      europe('Sheffield', 3, 0), europe('Cardiff', 3, 0), europe('Nottingham', 3, 0), europe('Brighton', 3, 0),
      europe('Newcastle upon Tyne', 3, 0), europe('Oxford', 2, 0), europe('Cambridge', 2, 0), europe('Belfast', 2, 0),
      europe('York', 2, 0), europe('Bath', 1, 0),
    ]),
    first: EN_FIRST,
    last: EN_LAST,
  },
  {
    code: 'DE',
    weight: 14,
    cities: new Choice<City>([
      europe('Berlin', 10), europe('Hamburg', 6), europe('München', 6), europe('Köln', 4), europe('Frankfurt am Main', 4),
      europe('Stuttgart', 3), europe('Düsseldorf', 3), europe('Leipzig', 2), europe('Dresden', 2), europe('Freiburg', 1),
    ]),
    first: DE_FIRST,
    last: DE_LAST,
  },
  {
    code: 'FR',
    weight: 11,
    cities: new Choice<City>([
      europe('Paris', 14), europe('Lyon', 4), europe('Marseille', 3), europe('Toulouse', 3), europe('Bordeaux', 3),
      europe('Lille', 2), europe('Nantes', 2), europe('Strasbourg', 2), europe('Montpellier', 1),
    ]),
    first: FR_FIRST,
    last: FR_LAST,
  },
  {
    code: 'NL',
    weight: 8,
    cities: new Choice<City>([
      europe('Amsterdam', 8), europe('Rotterdam', 5), europe('Den Haag', 4), europe('Utrecht', 4), europe('Eindhoven', 2),
      europe('Groningen', 2), europe('Haarlem', 1),
    ]),
    first: NL_FIRST,
    last: NL_LAST,
  },
  {
    code: 'US',
    weight: 10,
    cities: new Choice<City>([
      [{ name: 'New York', utcOffset: -5, dst: true }, 10],
      [{ name: 'Los Angeles', utcOffset: -8, dst: true }, 6],
      [{ name: 'Chicago', utcOffset: -6, dst: true }, 5],
      [{ name: 'Boston', utcOffset: -5, dst: true }, 3],
      [{ name: 'Seattle', utcOffset: -8, dst: true }, 3],
      [{ name: 'San Francisco', utcOffset: -8, dst: true }, 3],
      [{ name: 'Austin', utcOffset: -6, dst: true }, 2],
      [{ name: 'Denver', utcOffset: -7, dst: true }, 2],
      [{ name: 'Atlanta', utcOffset: -5, dst: true }, 2],
    ]),
    first: US_FIRST,
    last: US_LAST,
  },
  {
    code: 'IE',
    weight: 5,
    cities: new Choice<City>([europe('Dublin', 10, 0), europe('Cork', 3, 0), europe('Galway', 2, 0), europe('Limerick', 1, 0)]),
    first: IE_FIRST,
    last: IE_LAST,
  },
  {
    code: 'BE',
    weight: 4,
    cities: new Choice<City>([europe('Brussels', 5), europe('Antwerp', 4), europe('Ghent', 3), europe('Leuven', 1)]),
    first: [...NL_FIRST.slice(0, 12), ...FR_FIRST.slice(0, 12)],
    last: BE_LAST,
  },
  {
    code: 'ES',
    weight: 4,
    cities: new Choice<City>([europe('Madrid', 5), europe('Barcelona', 5), europe('Valencia', 2), europe('Sevilla', 2), europe('Málaga', 1)]),
    first: ES_FIRST,
    last: ES_LAST,
  },
  {
    code: 'IT',
    weight: 3,
    cities: new Choice<City>([europe('Milano', 5), europe('Roma', 5), europe('Torino', 2), europe('Firenze', 2), europe('Bologna', 2)]),
    first: IT_FIRST,
    last: IT_LAST,
  },
  {
    code: 'SE',
    weight: 3,
    cities: new Choice<City>([europe('Stockholm', 6), europe('Göteborg', 3), europe('Malmö', 2), europe('Uppsala', 1)]),
    first: SE_FIRST,
    last: SE_LAST,
  },
];

export const COUNTRY_CHOICE = new Choice<Country>(COUNTRIES.map((c) => [c, c.weight] as const));

/** Lower-case ASCII for e-mail local parts: "Müller" -> "mueller", "O'Brien" -> "obrien", "de Jong" -> "dejong". */
export function asciiSlug(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

// ASCII forms are computed once per name, not once per customer.
const slugCache = new Map<string, string>();
function slugOf(name: string): string {
  let s = slugCache.get(name);
  if (s === undefined) {
    s = asciiSlug(name);
    slugCache.set(name, s);
  }
  return s;
}

export interface Person {
  name: string;
  email: string;
  phone: string | null;
  country: string;
  city: City;
}

/**
 * A person for customer number `n` (1-based). The number is part of the e-mail address so
 * addresses are unique, as they are in a real customer base.
 */
export function makePerson(rng: Rng, n: number, hasPhone: boolean): Person {
  const country = COUNTRY_CHOICE.draw(rng);
  const city = country.cities.draw(rng);
  const first = rng.pick(country.first);
  const last = rng.pick(country.last);
  const f = slugOf(first);
  const l = slugOf(last);
  const domain = rng.chance(0.62) ? 'example.com' : 'example.org';
  let local: string;
  const style = rng.int(5);
  if (style === 0) local = `${f}.${l}${n}`;
  else if (style === 1) local = `${f}${l}${n}`;
  else if (style === 2) local = `${f[0]}${l}${n}`;
  else if (style === 3) local = `${f}_${l}.${n}`;
  else local = `${l}.${f}${n}`;
  let phone: string | null = null;
  if (hasPhone) {
    if (country.code === 'US') {
      const area = rng.pick(['212', '310', '312', '617', '206', '415', '512', '303', '404']);
      phone = `+1 ${area} 555 01${String(rng.int(100)).padStart(2, '0')}`;
    } else {
      phone = `+44 7700 900${String(rng.int(1000)).padStart(3, '0')}`;
    }
  }
  return { name: `${first} ${last}`, email: `${local}@${domain}`, phone, country: country.code, city };
}
