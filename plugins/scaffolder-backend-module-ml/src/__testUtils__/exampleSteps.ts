import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { ExampleStep } from '../actions/stepExample';

/** The steps of an action example, as its template's YAML has them. */
export function exampleSteps(example: TemplateExample): ExampleStep[] {
  return yaml.parse(example.example).steps;
}
