/**
 * First and last names across cultures for the demo world's people, grouped by region so a member
 * in Seoul is more often called Ji-woo Park than Oliver Smith (but not always: cities mix). Display
 * names keep their accents; handles are folded to ASCII.
 */

export type NameRegion = 'anglo' | 'french' | 'italian' | 'iberian' | 'latam' | 'german_nordic' | 'slavic' | 'arabic' | 'african' | 'east_asian' | 'south_asian' | 'southeast_asian';

export const FIRST_NAMES: Readonly<Record<NameRegion, readonly string[]>> = {
  anglo: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Grace', 'Charlotte', 'Poppy', 'Harper', 'Evie', 'Scarlett', 'Oliver', 'Harry', 'Jack', 'Noah', 'Theo', 'Leo', 'Arthur', 'Freddie', 'Ruby', 'Matilda', 'Zoe', 'Chloe', 'Madison', 'Brooklyn', 'Mason', 'Ethan', 'Hudson', 'Sienna', 'Willow', 'Georgia'],
  french: ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Louise', 'Jade', 'Margaux', 'Clémence', 'Élodie', 'Louis', 'Gabriel', 'Raphaël', 'Hugo', 'Arthur', 'Jules', 'Mathis', 'Adèle', 'Céline', 'Anaïs', 'Aurélie', 'Baptiste', 'Lucas', 'Maëlle'],
  italian: ['Giulia', 'Sofia', 'Aurora', 'Alice', 'Ginevra', 'Beatrice', 'Chiara', 'Francesca', 'Martina', 'Vittoria', 'Leonardo', 'Francesco', 'Alessandro', 'Lorenzo', 'Matteo', 'Tommaso', 'Riccardo', 'Edoardo', 'Ludovica', 'Bianca', 'Carlotta', 'Federica'],
  iberian: ['Lucía', 'Martina', 'Carmen', 'Paula', 'Alba', 'Noa', 'Inés', 'Beatriz', 'Marta', 'Leonor', 'Hugo', 'Pablo', 'Álvaro', 'Diego', 'Javier', 'Tomás', 'Duarte', 'Afonso', 'Rita', 'Mariana'],
  latam: ['Valentina', 'Camila', 'Isabella', 'Mariana', 'Gabriela', 'Luana', 'Ana Clara', 'Helena', 'Catalina', 'Florencia', 'Santiago', 'Mateo', 'Benjamín', 'Joaquín', 'Thiago', 'Enzo', 'Bruno', 'Rafael', 'Larissa', 'Fernanda', 'Ximena', 'Renata'],
  german_nordic: ['Emma', 'Mia', 'Hannah', 'Lena', 'Clara', 'Freya', 'Astrid', 'Ingrid', 'Saga', 'Elsa', 'Maja', 'Linnea', 'Felix', 'Maximilian', 'Paul', 'Jonas', 'Lukas', 'Oskar', 'Erik', 'Nils', 'Anders', 'Sigrid', 'Johanna', 'Greta'],
  slavic: ['Anastasia', 'Daria', 'Polina', 'Ksenia', 'Alina', 'Sofia', 'Yulia', 'Ekaterina', 'Zofia', 'Natalia', 'Veronika', 'Milena', 'Dmitri', 'Alexei', 'Ivan', 'Mikhail', 'Nikita', 'Artem', 'Jakub', 'Tomasz', 'Katarzyna', 'Svetlana'],
  arabic: ['Layla', 'Noor', 'Mariam', 'Fatima', 'Aisha', 'Hessa', 'Sara', 'Dana', 'Lina', 'Yasmin', 'Rania', 'Salma', 'Omar', 'Khalid', 'Faisal', 'Hamad', 'Youssef', 'Karim', 'Tariq', 'Zayed', 'Reem', 'Latifa', 'Defne', 'Elif', 'Zeynep', 'Emir', 'Can', 'Selin'],
  african: ['Amara', 'Zanele', 'Thandiwe', 'Nomvula', 'Ayanda', 'Chiamaka', 'Adaeze', 'Folake', 'Wanjiru', 'Akosua', 'Naledi', 'Lerato', 'Sipho', 'Thabo', 'Kwame', 'Chidi', 'Tunde', 'Kofi', 'Jabari', 'Lindiwe', 'Nia', 'Imani'],
  east_asian: ['Yui', 'Hina', 'Sakura', 'Aoi', 'Mei', 'Rin', 'Haruto', 'Ren', 'Sota', 'Ji-woo', 'Seo-yeon', 'Min-ji', 'Ha-eun', 'Soo-ah', 'Min-jun', 'Do-yoon', 'Jia', 'Xinyi', 'Yuting', 'Wei', 'Hao', 'Jun', 'Kai', 'Yuna'],
  south_asian: ['Ananya', 'Diya', 'Aanya', 'Ishita', 'Priya', 'Kavya', 'Meera', 'Saanvi', 'Aditi', 'Riya', 'Arjun', 'Vihaan', 'Aarav', 'Rohan', 'Kabir', 'Ayaan', 'Zara', 'Sana', 'Imran', 'Nikhil'],
  southeast_asian: ['Siti', 'Nur', 'Putri', 'Dewi', 'Ayu', 'Linh', 'Mai', 'Thao', 'Anh', 'Ploy', 'Nok', 'Mali', 'Bea', 'Andrea', 'Rizal', 'Budi', 'Minh', 'Arif', 'Malik', 'Jasmine'],
};

export const LAST_NAMES: Readonly<Record<NameRegion, readonly string[]>> = {
  anglo: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Clarke', 'Bennett', 'Fletcher', 'Hayes', 'Carter', 'Mitchell', 'Sullivan', "O'Brien", 'Murphy', 'Campbell'],
  french: ['Martin', 'Bernard', 'Dubois', 'Durand', 'Lefebvre', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garnier', 'Fontaine', 'Rousseau', 'Girard', 'Bonnet', 'Lambert', 'Chevalier', 'Delacroix', 'Beaumont'],
  italian: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Costa', 'Mancini', 'Moretti', 'Barbieri'],
  iberian: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Navarro', 'Ruiz', 'Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Sousa', 'Almeida', 'Castro'],
  latam: ['Gómez', 'Díaz', 'Torres', 'Ramírez', 'Flores', 'Morales', 'Herrera', 'Vargas', 'Rojas', 'Medina', 'Souza', 'Lima', 'Carvalho', 'Ribeiro', 'Barbosa', 'Araújo', 'Acosta', 'Benítez'],
  german_nordic: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Hansen', 'Jensen', 'Larsen', 'Nielsen', 'Virtanen', 'Lindqvist'],
  slavic: ['Ivanova', 'Smirnova', 'Kuznetsova', 'Popova', 'Volkova', 'Sokolova', 'Lebedeva', 'Morozova', 'Petrov', 'Orlov', 'Kowalski', 'Nowak', 'Wiśniewska', 'Novák', 'Horváth', 'Kovač', 'Pavlova', 'Romanova'],
  arabic: ['Al Maktoum', 'Al Nahyan', 'Al Thani', 'Haddad', 'Khoury', 'Nassar', 'Saleh', 'Mansour', 'Farouk', 'Hakim', 'Rahman', 'Aziz', 'Yilmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın'],
  african: ['Okafor', 'Adeyemi', 'Okonkwo', 'Mensah', 'Owusu', 'Boateng', 'Kamau', 'Mwangi', 'Otieno', 'Dlamini', 'Nkosi', 'Ndlovu', 'Khumalo', 'Mokoena', 'Naidoo', 'Botha', 'Van der Merwe', 'Diallo'],
  east_asian: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Wang', 'Li', 'Zhang', 'Chen', 'Liu', 'Wong', 'Chan', 'Lau'],
  south_asian: ['Sharma', 'Patel', 'Singh', 'Kapoor', 'Mehta', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Malhotra', 'Chopra', 'Khan', 'Qureshi', 'Bhatt', 'Desai', 'Joshi'],
  southeast_asian: ['Nguyen', 'Tran', 'Le', 'Pham', 'Santos', 'Reyes', 'Cruz', 'Bautista', 'Tan', 'Lim', 'Ng', 'Goh', 'Wijaya', 'Halim', 'Rahman', 'Chaiyaporn', 'Srisai', 'Ong'],
};

/** The name region most people in a country are named from; countries not listed mix all regions. */
export const COUNTRY_REGION: Readonly<Record<string, NameRegion>> = {
  GB: 'anglo', US: 'anglo', CA: 'anglo', AU: 'anglo', NZ: 'anglo', IE: 'anglo',
  FR: 'french', BE: 'french', MC: 'french', CH: 'french',
  IT: 'italian',
  ES: 'iberian', PT: 'iberian',
  BR: 'latam', AR: 'latam', MX: 'latam', CO: 'latam', CL: 'latam', PE: 'latam', UY: 'latam', PA: 'latam',
  DE: 'german_nordic', AT: 'german_nordic', NL: 'german_nordic', DK: 'german_nordic', SE: 'german_nordic', NO: 'german_nordic', FI: 'german_nordic',
  RU: 'slavic', PL: 'slavic', CZ: 'slavic', HU: 'slavic', GE: 'slavic', KZ: 'slavic', GR: 'slavic',
  AE: 'arabic', SA: 'arabic', QA: 'arabic', KW: 'arabic', LB: 'arabic', EG: 'arabic', MA: 'arabic', TR: 'arabic', IL: 'arabic',
  ZA: 'african', NG: 'african', GH: 'african', KE: 'african', ET: 'african', RW: 'african', SN: 'african',
  JP: 'east_asian', KR: 'east_asian', CN: 'east_asian', HK: 'east_asian', TW: 'east_asian',
  IN: 'south_asian', PK: 'south_asian',
  SG: 'southeast_asian', TH: 'southeast_asian', ID: 'southeast_asian', PH: 'southeast_asian', MY: 'southeast_asian', VN: 'southeast_asian',
};

export const NAME_REGIONS = Object.keys(FIRST_NAMES) as NameRegion[];

/** Words for celebrities', editors' and stylists' bios. */
export const BIO_WORDS = {
  celebrity: ['Actor', 'Singer', 'Model', 'Creative director', 'Tennis player', 'DJ', 'Presenter', 'Film maker'],
  editor: ['Fashion editor', 'Contributing editor', 'Style director', 'Market editor', 'Accessories editor'],
  stylist: ['Personal shopper', 'Senior personal shopper', 'Private client stylist', 'Wardrobe consultant'],
  buyer: ['Buyer, womenswear', 'Buyer, menswear', 'Buyer, shoes and bags', 'Merchandiser'],
};
