/**
 * The "seen before" test set, written for this project: claims reviewed
 * earlier, each with a later rewording of the same claim (reordered, with
 * synonyms, or another speaker's paraphrase), and distractors on the same
 * topics that share many words with them but claim something else. A case
 * passes when its earlier review ranks first among all of them.
 */
export interface SimilarCase {
  reviewed: string;
  query: string;
  how: 'reordered' | 'synonyms' | 'paraphrase';
}

export const SIMILAR_CASES: SimilarCase[] = [
  {
    reviewed:
      'The president revealed highly classified information to the Russian foreign minister in the Oval Office.',
    query:
      'In the Oval Office, Trump disclosed highly classified intelligence to Russia’s foreign minister.',
    how: 'reordered',
  },
  {
    reviewed:
      'At no time were intelligence sources or methods discussed in the meeting with Lavrov.',
    query:
      'Sources and methods of intelligence were never discussed during the Lavrov meeting, McMaster said.',
    how: 'paraphrase',
  },
  {
    reviewed:
      'The president asked FBI director James Comey to drop the investigation into Michael Flynn.',
    query: 'Trump asked Comey, then director of the FBI, to end the probe of Flynn.',
    how: 'synonyms',
  },
  {
    reviewed: 'Comey was fired over his investigation into the Trump campaign’s ties with Russia.',
    query: 'The FBI director was dismissed because of his inquiry into the campaign’s Russia ties.',
    how: 'synonyms',
  },
  {
    reviewed:
      'The United States has committed more than 32 billion dollars in security assistance to Ukraine since the war began.',
    query:
      'Since the start of the war, America has pledged over $32 billion of security aid to Ukraine.',
    how: 'synonyms',
  },
  {
    reviewed: 'Unemployment rose to 4.1 percent in October from 3.9 percent in September.',
    query: 'The jobless rate climbed from 3.9% in September to 4.1% in October.',
    how: 'reordered',
  },
  {
    reviewed: 'Employers added 112,000 jobs last month, the fewest since the start of the year.',
    query: 'Only 112000 jobs were added by employers in October, the smallest gain this year.',
    how: 'paraphrase',
  },
  {
    reviewed: 'Child poverty fell to 5.2 percent, the lowest level on record.',
    query: 'The child poverty rate dropped to a record low of 5.2 per cent.',
    how: 'synonyms',
  },
  {
    reviewed:
      'Congress raised the debt limit three times under the last administration without conditions.',
    query:
      'Under the previous administration, lawmakers lifted the debt ceiling 3 times with no conditions attached.',
    how: 'synonyms',
  },
  {
    reviewed: 'The fire has burned more than 48,000 acres and is 15 percent contained.',
    query: 'Containment of the blaze stands at 15% after it burned over 48,000 acres.',
    how: 'reordered',
  },
  {
    reviewed:
      'The fire budget went up every year, from 310 million dollars to 455 million this year.',
    query:
      'Calder says the state spent $455 million on fighting fires this year, up from $310 million.',
    how: 'paraphrase',
  },
  {
    reviewed: 'The governor cut the state fire budget by 20 percent.',
    query: 'Under Governor Calder, the fire budget was slashed by 20%.',
    how: 'synonyms',
  },
  {
    reviewed: 'The fire was started by protesters on purpose.',
    query: 'Protesters deliberately set the fire, posts online claim.',
    how: 'paraphrase',
  },
  {
    reviewed:
      'Since October 17, U.S. forces in Iraq and Syria have been attacked at least 40 times.',
    query: 'American troops in Syria and Iraq have faced 40 or more attacks since 17 October.',
    how: 'synonyms',
  },
  {
    reviewed: 'The strikes in Syria hit a civilian warehouse, not a weapons depot.',
    query: 'Iran says the U.S. targeted a civilian warehouse rather than weapons storage in Syria.',
    how: 'paraphrase',
  },
  {
    reviewed:
      'The Osprey has flown more than 600,000 hours and its accident rate is in line with other military aircraft.',
    query:
      'With over 600,000 flight hours, the Osprey’s accident rate matches that of other military planes.',
    how: 'reordered',
  },
  {
    reviewed: 'Nearly a third of new soldiers at Fort Liberty said they were hazed.',
    query:
      'Almost one in three new soldiers at Fort Liberty report being hazed, the inspector general found.',
    how: 'paraphrase',
  },
  {
    reviewed:
      'The United States has helped more than 1,000 Americans leave Sudan since the fighting began.',
    query:
      'Over a thousand US citizens were helped out of Sudan by the government since fighting started.',
    how: 'paraphrase',
  },
  {
    reviewed: 'Russia exported 32 million tons of grain to poor countries under the grain deal.',
    query: 'Under the deal, 32 million tons of Russian grain went to poor countries.',
    how: 'reordered',
  },
  {
    reviewed:
      'More than half of the grain exported under the initiative went to high-income and upper-middle-income countries.',
    query:
      'Most grain shipped under the Black Sea initiative ended up in richer countries, the UN says.',
    how: 'paraphrase',
  },
  {
    reviewed: 'The former housing director took at least $180,000 in bribes between 2018 and 2022.',
    query:
      'Between 2018 and 2022, Marcus Dell accepted bribes of $180,000 or more, prosecutors say.',
    how: 'reordered',
  },
  {
    reviewed:
      'The mayor’s office received no warnings about the housing director before the audit.',
    query: 'Okafor’s office says it was never warned about Dell before the audit came out.',
    how: 'paraphrase',
  },
  {
    reviewed:
      'The council raised concerns about the housing department as early as 2019 and was ignored.',
    query:
      'As early as 2019, council members warned about the housing department but were ignored.',
    how: 'reordered',
  },
  {
    reviewed:
      'Wages rose 3.8 percent from a year earlier, the smallest annual gain in more than two years.',
    query: 'Pay grew 3.8% over the year, the smallest yearly increase in over 2 years.',
    how: 'synonyms',
  },
  {
    reviewed: 'Families are paying 17 percent more for groceries than three years ago.',
    query: 'Grocery prices are up 17% compared with three years ago, Pritchard said.',
    how: 'paraphrase',
  },
  {
    reviewed: 'Grocery prices have risen about 21 percent since early 2021.',
    query:
      'Since the start of 2021 food prices at the grocery store have increased by roughly 21 percent.',
    how: 'synonyms',
  },
  {
    reviewed: 'The new bridge cost $38 million, about $9 million more than first estimated.',
    query: 'At $38 million, the bridge came in roughly $9 million over the first estimate.',
    how: 'reordered',
  },
  {
    reviewed: 'Sales at the diner fell by about 40 percent after the old bridge closed.',
    query: 'After the bridge was closed, the diner’s sales dropped roughly 40%.',
    how: 'synonyms',
  },
  {
    reviewed:
      'The processing center paid $11.6 million in overtime without the required approvals.',
    query:
      'Without the approvals its policy requires, the center paid out 11.6 million dollars of overtime.',
    how: 'reordered',
  },
  {
    reviewed:
      'Fourteen employees were paid for more than 1,000 hours of overtime in a single year.',
    query: 'In one year, 14 staff were paid for over 1,000 overtime hours each.',
    how: 'synonyms',
  },
  {
    reviewed: 'The death toll from the floods rose to 214.',
    query: 'Floods have now killed 214 people.',
    how: 'synonyms',
  },
  {
    reviewed: 'The opposition says the real death toll of the floods is above 400.',
    query: 'More than 400 people died in the floods, according to Daria Voss.',
    how: 'paraphrase',
  },
  {
    reviewed:
      'The delta received 410 millimetres of rain in 72 hours, more than it usually gets in six months.',
    query: 'In three days the delta got 410 mm of rain, more than six months’ usual rainfall.',
    how: 'synonyms',
  },
  {
    reviewed:
      'American steel mills have added 22,000 jobs since the Buy American steel law took effect.',
    query: 'Since the made-in-America steel law, US steel mills have hired 22,000 workers.',
    how: 'synonyms',
  },
  {
    reviewed: 'The plant employed 700 people six years ago and employs more than 1,100 today.',
    query: 'Today over 1,100 people work at the plant, up from 700 six years ago.',
    how: 'reordered',
  },
  {
    reviewed: 'Unemployment in the county is 3.6 percent, the lowest since 1969.',
    query: 'The county’s jobless rate of 3.6% is its lowest since 1969.',
    how: 'synonyms',
  },
  {
    reviewed: 'My opponent has taken more than $2 million from the drug companies.',
    query: 'Whitfield says her rival accepted over two million dollars from drug companies.',
    how: 'paraphrase',
  },
  {
    reviewed: 'One in five seniors in the state lives on less than $15,000 a year.',
    query: '20 percent of the state’s seniors live on under $15,000 annually.',
    how: 'paraphrase',
  },
  {
    reviewed: 'Teens who use phones after 10 p.m. sleep about 50 minutes less on school nights.',
    query:
      'On school nights, teenagers using their phones after 10 sleep roughly 50 fewer minutes.',
    how: 'reordered',
  },
  {
    reviewed:
      'Fewer than a third of American high school students get the recommended amount of sleep.',
    query: 'Less than one third of US high schoolers sleep as much as recommended.',
    how: 'synonyms',
  },
  {
    reviewed: 'A 2019 California law required most high schools to start no earlier than 8:30 a.m.',
    query: 'California passed a law in 2019 requiring high schools to start at 8:30 a.m. or later.',
    how: 'paraphrase',
  },
  {
    reviewed: 'The Veterans Choice program has been used by more than 1.5 million veterans.',
    query: 'Over 1.5 million veterans have used the Veterans Choice program.',
    how: 'reordered',
  },
  {
    reviewed:
      'The CBO estimated that 23 million fewer people would have insurance under the House bill.',
    query:
      'Under the House bill, 23 million more people would be uninsured, the Congressional Budget Office estimated.',
    how: 'paraphrase',
  },
  {
    reviewed:
      'The CBO said 21 million people would be on the exchanges this year, but the real number is about 10 million.',
    query: 'About 10 million people are on the exchanges, not the 21 million the CBO predicted.',
    how: 'reordered',
  },
  {
    reviewed:
      'The EPA has tested air and water at more than 500 homes in East Palestine since the derailment.',
    query:
      'Since the train derailed, the EPA has run air and water tests at over 500 East Palestine houses.',
    how: 'synonyms',
  },
  {
    reviewed:
      'Norfolk Southern has paid more than 6 million dollars to families in East Palestine.',
    query: 'East Palestine families have received over $6 million from Norfolk Southern.',
    how: 'reordered',
  },
];

/** Reviewed claims on the same topics that claim something else. */
export const SIMILAR_DISTRACTORS: string[] = [
  'The president did not reveal any intelligence to the Russian ambassador.',
  'The Russian foreign minister met the president at the White House on May 10.',
  'Comey testified that he never asked for loyalty from the president.',
  'Flynn resigned as national security adviser after 24 days in the job.',
  'The United States has sent 31 Abrams tanks to Ukraine.',
  'Ukraine has received more than 100 billion euros in aid from the European Union.',
  'Unemployment fell to 3.4 percent in January, the lowest since 1969.',
  'Employers added 336,000 jobs in September, far more than expected.',
  'Poverty among seniors rose to 14 percent last year.',
  'The debt limit has been raised 78 times since 1960.',
  'The Pine Hollow fire destroyed 412 structures and killed two people.',
  'About 18,000 people are under evacuation orders in three counties.',
  'The state hired 200 more seasonal firefighters this year than last year.',
  'Forty-five U.S. personnel suffered minor injuries in attacks in Iraq and Syria.',
  'The Secretary approved the deployment of about 900 troops to the Middle East.',
  'Air Force Special Operations Command paused its CV-22 flights worldwide.',
  'The Army removed two battalion commanders and opened 14 investigations at Fort Liberty.',
  'Fewer than 100 American citizens who want to leave are still in Sudan.',
  'Russia has struck Ukrainian grain ports more than 30 times since July.',
  'Two contractors were charged along with the former housing director.',
  'The auditor found that 37 repair contracts had been split to avoid council review.',
  'Dell pleaded not guilty and was released on a $50,000 bond.',
  'Health care added 58,000 jobs while manufacturers cut 35,000.',
  'The share of Americans aged 25 to 54 with a job stayed at 80.7 percent.',
  'Inflation has fallen by more than half since its peak.',
  'The old bridge was closed in 2019 after inspectors found cracks in its steel supports.',
  'The bridge is designed to last 100 years; the old one stood for 71.',
  'The center employed 1,240 people at the end of fiscal year 2022.',
  'Badge records showed no entry into the building on 64 days of claimed overtime.',
  'More than 600,000 people have been forced from their homes by the floods.',
  'The World Food Programme has delivered food to 150,000 people.',
  'The government set aside $95 million for reconstruction after the floods.',
  'The price of a new car in the state went down last year.',
  'Insulin would be capped at $35 a month for everyone under the plan.',
  'Late-night phone users were twice as likely to report symptoms of depression.',
  'The American Academy of Pediatrics recommends 8 to 10 hours of sleep for teenagers.',
  'The president spoke with King Abdullah of Jordan about the fight against ISIS.',
  'The House bill would lower premiums, the White House says.',
  'The EPA ordered Norfolk Southern to pay for the entire cleanup.',
  'Secretary Buttigieg visited East Palestine on Thursday.',
];
