// Word lists the seed draws from. Kept apart from the generator so the generator
// reads as rules. Surnames deliberately contain no "smi": the seed places a known
// handful of Smiths itself, so a search for "smi" has a predictable answer.

// prettier-ignore
export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David',
  'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah',
  'Charles', 'Karen', 'Christopher', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony',
  'Sandra', 'Mark', 'Margaret', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily',
  'Paul', 'Donna', 'Joshua', 'Michelle', 'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian',
  'Melissa', 'George', 'Deborah', 'Timothy', 'Stephanie', 'Ronald', 'Rebecca', 'Jason', 'Laura',
  'Jeffrey', 'Helen', 'Ryan', 'Sharon', 'Jacob', 'Cynthia', 'Gary', 'Kathleen', 'Nicholas', 'Amy',
  'Eric', 'Angela', 'Jonathan', 'Shirley', 'Stephen', 'Brenda', 'Larry', 'Emma', 'Justin',
  'Anna', 'Scott', 'Pamela', 'Brandon', 'Nicole', 'Benjamin', 'Samantha', 'Samuel', 'Katherine',
  'Gregory', 'Christine', 'Alexander', 'Debra', 'Patrick', 'Rachel', 'Frank', 'Carolyn',
  'Raymond', 'Janet', 'Jack', 'Maria', 'Dennis', 'Olivia', 'Jerry', 'Heather', 'Tyler', 'Diane',
  'Aaron', 'Julie', 'Jose', 'Joyce', 'Adam', 'Victoria', 'Nathan', 'Ruth', 'Henry', 'Virginia',
  'Zachary', 'Lauren', 'Kyle', 'Priya', 'Wei', 'Mei', 'Hiroshi', 'Aisha', 'Omar', 'Fatima',
  'Diego', 'Lucia', 'Mateo', 'Sofia', 'Andre', 'Imani', 'Malik', 'Keisha', 'Raj', 'Anjali',
  'Minh', 'Linh', 'Tariq', 'Leila', 'Sean', 'Siobhan', 'Connor', 'Grace', 'Ethan', 'Chloe',
] as const

// prettier-ignore
export const LAST_NAMES = [
  'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson',
  'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis',
  'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill',
  'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell',
  'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz',
  'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers',
  'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard',
  'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood', 'James',
  'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders',
  'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez', 'Chen', 'Wang', 'Tanaka', 'Okafor',
  "O'Brien", 'Sullivan', 'Kowalski', 'Novak', 'Haddad', 'Khan', 'Shah', 'Tran', 'Pham',
  'Yamamoto', 'Fischer', 'Weber', 'Larsen', 'Lindqvist', 'Kaur', 'Ibrahim', 'Abernathy',
] as const

export const SMITH_FIRST_NAMES = ['Jordan', 'Emily', 'Marcus', 'Rosa', 'Walter'] as const

export interface City {
  city: string
  state: string
  zipBase: number
  areaCode: number
}

export const CITIES: readonly City[] = [
  { city: 'Austin', state: 'TX', zipBase: 78701, areaCode: 512 },
  { city: 'Round Rock', state: 'TX', zipBase: 78664, areaCode: 512 },
  { city: 'Denver', state: 'CO', zipBase: 80202, areaCode: 303 },
  { city: 'Boulder', state: 'CO', zipBase: 80301, areaCode: 303 },
  { city: 'Raleigh', state: 'NC', zipBase: 27601, areaCode: 919 },
  { city: 'Charlotte', state: 'NC', zipBase: 28202, areaCode: 704 },
  { city: 'Portland', state: 'OR', zipBase: 97201, areaCode: 503 },
  { city: 'Nashville', state: 'TN', zipBase: 37203, areaCode: 615 },
  { city: 'Phoenix', state: 'AZ', zipBase: 85004, areaCode: 602 },
  { city: 'Scottsdale', state: 'AZ', zipBase: 85251, areaCode: 480 },
  { city: 'Columbus', state: 'OH', zipBase: 43215, areaCode: 614 },
  { city: 'Tampa', state: 'FL', zipBase: 33602, areaCode: 813 },
  { city: 'Boise', state: 'ID', zipBase: 83702, areaCode: 208 },
  { city: 'Sacramento', state: 'CA', zipBase: 95814, areaCode: 916 },
  { city: 'Madison', state: 'WI', zipBase: 53703, areaCode: 608 },
  { city: 'Salt Lake City', state: 'UT', zipBase: 84101, areaCode: 801 },
  { city: 'Richmond', state: 'VA', zipBase: 23219, areaCode: 804 },
  { city: 'Savannah', state: 'GA', zipBase: 31401, areaCode: 912 },
]

// prettier-ignore
export const STREET_NAMES = [
  'Elm', 'Maple', 'Oak', 'Cedar', 'Willow', 'Birch', 'Pine', 'Juniper', 'Magnolia', 'Aspen',
  'Sycamore', 'Hawthorne', 'Chestnut', 'Laurel', 'Poplar', 'Cypress', 'Dogwood', 'Hickory',
  'Linden', 'Redbud', 'Alder', 'Bayberry', 'Meadowlark', 'Heron', 'Kingfisher', 'Lakeview',
  'Ridgeline', 'Riverbend', 'Summit', 'Bluebonnet', 'Sagebrush', 'Canyon', 'Prairie', 'Orchard',
  'Fairview', 'Highland',
] as const

/** Street suffix as written in an address, and spelled out in a title. */
// prettier-ignore
export const STREET_SUFFIXES = [
  ['St', 'Street'], ['Ave', 'Avenue'], ['Ln', 'Lane'], ['Dr', 'Drive'], ['Ct', 'Court'],
  ['Way', 'Way'], ['Blvd', 'Boulevard'], ['Rd', 'Road'], ['Pl', 'Place'], ['Ter', 'Terrace'],
  ['Trl', 'Trail'], ['Cir', 'Circle'],
] as const

// prettier-ignore
export const HOME_TYPES = [
  'Bungalow', 'Craftsman', 'Colonial', 'Ranch', 'Townhome', 'Condo', 'Farmhouse', 'Cottage',
  'Victorian', 'Duplex', 'Tudor', 'Loft', 'Split-Level', 'Cape Cod',
] as const

export const STATUSES = ['Active', 'Pending', 'Under Contract', 'Closed', 'Coming Soon'] as const
export type Status = (typeof STATUSES)[number]

// prettier-ignore
export const PROFESSIONS = [
  'Agent', 'Lender', 'Inspector', 'Escrow Officer', 'Title Officer', 'Appraiser', 'Attorney',
  'Transaction Coordinator',
] as const
export type Profession = (typeof PROFESSIONS)[number]

/** How often each profession appears among professional contacts (sums to 100). */
export const PROFESSION_WEIGHTS: Readonly<Record<Profession, number>> = {
  Agent: 35,
  Lender: 14,
  Inspector: 10,
  'Escrow Officer': 8,
  'Title Officer': 8,
  Appraiser: 7,
  Attorney: 8,
  'Transaction Coordinator': 10,
}

// prettier-ignore
export const COMPANIES: Readonly<Record<Profession, readonly string[]>> = {
  Agent: [
    'Keller Ridge Realty', 'Bluebonnet Realty Group', 'Summit Peak Real Estate',
    'Harborline Properties', 'Oak & Stone Realty', 'Cornerstone Home Partners',
    'Prairie Sky Realty', 'Magnolia Lane Realtors',
  ],
  Lender: [
    'Lone Star Home Loans', 'Evergreen Mortgage Co.', 'First Harbor Bank', 'Cascade Lending',
    'Union Ridge Credit Union',
  ],
  Inspector: [
    'Precision Home Inspections', 'TrueCheck Inspection Services', 'Keystone Property Inspections',
  ],
  'Escrow Officer': ['Sunrise Escrow', 'Pacific Crest Escrow', 'Landmark Escrow Services'],
  'Title Officer': ['Heritage Title Co.', 'Guardian Title & Escrow', 'Benchmark Title'],
  Appraiser: ['Accurate Valuations LLC', 'Meridian Appraisal Group'],
  Attorney: ['Whitfield & Crane LLP', 'Delgado Law Group', 'Parkhurst Real Estate Law'],
  'Transaction Coordinator': [
    'ClearPath Transaction Services', 'Closing Bell TC', 'Paperwork Pros',
  ],
}

// prettier-ignore
export const PERSONAL_EMAIL_DOMAINS = [
  'gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'hotmail.com',
] as const

export const LINK_NOTES = [
  'Prefers text messages after 5pm.',
  'Decision maker; copy on all disclosures.',
  'Co-borrower on the loan.',
  'Out of town until the 15th; reach by email.',
  'Relocating for work; needs a quick close.',
  'Requested the inspection report by Friday.',
  'Spanish-speaking; prefers calls in Spanish.',
  'Handles the HOA documents.',
  'Wants a final walk-through the day before closing.',
  'Referred by a past client.',
  'Signing via power of attorney.',
  'Rate lock expires at the end of the month.',
] as const
